## Bijlagetypen en velden, waar de eigen lijst van het systeem Engels is (de waarde die verstuurd wordt verandert nooit).

type-cv = Cv
type-resume = Cv
type-cover-letter = Motivatiebrief
type-id-document = Identiteitsbewijs
type-questionnaire = Vragenlijst
type-personality-test = Persoonlijkheidstest
type-offer = Aanbod
type-transcript = Cijferlijst
type-terms = Voorwaarden
type-candidate-briefing = Kandidaatbriefing
type-unassigned = Niet ingedeeld
type-about = Over mij
type-role-preferences = Functievoorkeuren
type-work-experiences = Werkervaring
type-other = Overig
type-other-attachment = Overige bijlage
type-other-lower = overig
type-verbatim = { $label }
