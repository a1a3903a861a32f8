## Attachment types and fields, where the system's own list is in English (the wire value never changes).

type-cv = CV
type-resume = Résumé
type-cover-letter = Cover letter
type-id-document = ID document
type-questionnaire = Questionnaire
type-personality-test = Personality test
type-offer = Offer
type-transcript = Transcript
type-terms = Terms and conditions
type-candidate-briefing = Candidate briefing
type-unassigned = Unassigned
type-about = About
type-role-preferences = Role preferences
type-work-experiences = Work experiences
type-other = Other
type-other-attachment = Other attachment
type-other-lower = other
type-verbatim = { $label }
