## Anhangstypen und Felder, wo die Liste des Systems englisch ist (der gesendete Wert ändert sich nie).

type-cv = Lebenslauf
type-resume = Lebenslauf
type-cover-letter = Anschreiben
type-id-document = Ausweisdokument
type-questionnaire = Fragebogen
type-personality-test = Persönlichkeitstest
type-offer = Angebot
type-transcript = Zeugnis
type-terms = Bedingungen
type-candidate-briefing = Kandidaten-Briefing
type-unassigned = Nicht zugeordnet
type-about = Über mich
type-role-preferences = Stellenwünsche
type-work-experiences = Berufserfahrung
type-other = Sonstiges
type-other-attachment = Sonstiger Anhang
type-other-lower = sonstiges
type-verbatim = { $label }
