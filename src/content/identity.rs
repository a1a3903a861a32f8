//! Whose file is it? The e-mail addresses, phone numbers and names a document's text holds,
//! and a verdict against the chosen candidate: theirs, someone else's, or unknown.
//!
//! The rules, in order of trust: the candidate's e-mail or phone anywhere, or their full name,
//! is a match. Otherwise another person's e-mail or phone — or a name on its own line — at the
//! top of the first page (where a CV names its owner) is someone else; addresses of
//! organisations (`info@`, `hr@`…) and the recruiter's own domains never count, and neither
//! does anything further down (references, schools, former employers). Nothing to go on is
//! unknown.

use serde::Serialize;

/// How much of the text counts as "the top of the first page".
const HEAD_CHARS: usize = 700;

/// Local parts of addresses that belong to an organisation, not a person.
const ROLE_ADDRESSES: &[&str] = &[
    "info",
    "hr",
    "jobs",
    "job",
    "recruitment",
    "recruiting",
    "recruiter",
    "careers",
    "career",
    "office",
    "contact",
    "admin",
    "administratie",
    "secretariaat",
    "sekretariat",
    "personal",
    "personeelszaken",
    "noreply",
    "no-reply",
    "mail",
    "post",
    "kontakt",
    "werving",
    "vacatures",
    "bewerbung",
    "bewerbungen",
    "sollicitatie",
    "school",
    "support",
    "hello",
    "team",
];

/// Words that head a CV or letter but are no one's name.
const NOT_NAMES: &[&str] = &[
    "curriculum",
    "vitae",
    "resume",
    "lebenslauf",
    "cv",
    "personal",
    "personalia",
    "persoonlijke",
    "gegevens",
    "profile",
    "profiel",
    "profil",
    "contact",
    "kontakt",
    "details",
    "information",
    "informatie",
    "angaben",
    "summary",
    "samenvatting",
    "dear",
    "geachte",
    "sehr",
    "geehrte",
    "cover",
    "letter",
    "motivatiebrief",
    "sollicitatiebrief",
    "anschreiben",
    "bewerbung",
    "diploma",
    "getuigschrift",
    "zeugnis",
    "certificate",
    "page",
    "pagina",
    "seite",
];

/// Name particles that stand between given names and the surname.
const PARTICLES: &[&str] = &[
    "van", "de", "der", "den", "het", "ter", "ten", "te", "t", "von", "zu", "vom", "zum", "zur",
    "la", "le", "du", "des", "di", "da", "dos", "del", "op", "in", "aan", "bij", "uit",
];

/// What the text says about people.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Found {
    /// E-mail addresses (lower-case), in order of appearance.
    pub emails: Vec<String>,
    /// Phone numbers, normalised (see [`phone_key`]), in order of appearance.
    pub phones: Vec<String>,
    /// Lines at the top that read as a person's name.
    pub names: Vec<String>,
}

/// Who the chosen candidate is, as far as the system says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Person {
    /// Full name ("Anna van der Berg").
    pub name: String,
    /// E-mail address, if known.
    pub email: Option<String>,
    /// Phone number, if known.
    pub phone: Option<String>,
}

/// The verdict for one file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The candidate's e-mail, phone or full name is in it.
    Match,
    /// Another person's details head it, and none of the candidate's are in it.
    Other,
    /// Nothing to go on.
    Unknown,
}

/// The verdict and what it rests on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Identity {
    /// The verdict.
    pub verdict: Verdict,
    /// Everything found.
    pub found: Found,
    /// For [`Verdict::Other`]: the other person's e-mail, phone or name, as found.
    pub other: Option<String>,
}

/// What to leave out of the verdict: the recruiter's own e-mail domains.
#[derive(Clone, Debug, Default)]
pub struct Ignore {
    /// Domains (lower-case, without `@`).
    pub domains: Vec<String>,
}

/// Finds e-mails, phones and header names in `text` (bounded work: the text is bounded).
#[must_use]
pub fn find(text: &str) -> Found {
    let mut found = Found::default();
    for email in emails(text) {
        if !found.emails.contains(&email) {
            found.emails.push(email);
        }
    }
    for phone in phones(text) {
        if !found.phones.contains(&phone) {
            found.phones.push(phone);
        }
    }
    found.names = header_names(head(text));
    found
}

/// The verdict for `text` against `candidate`.
#[must_use]
pub fn judge(text: &str, candidate: &Person, ignore: &Ignore) -> Identity {
    let found = find(text);
    let candidate_email = candidate.email.as_deref().map(str::to_lowercase);
    let candidate_phone = candidate.phone.as_deref().and_then(phone_key);
    let email_match = candidate_email
        .as_ref()
        .is_some_and(|e| found.emails.contains(e));
    let phone_match = candidate_phone
        .as_ref()
        .is_some_and(|p| found.phones.contains(p));
    if email_match || phone_match || name_in(text, &candidate.name) {
        return Identity {
            verdict: Verdict::Match,
            found,
            other: None,
        };
    }
    let top = head(text);
    let personal = |e: &&String| is_personal(e, ignore);
    // An address or number only tells "someone else" when the system knows the candidate's
    // own (it differs); otherwise it is as likely to be theirs.
    let other_email = candidate_email
        .as_ref()
        .and_then(|_| emails(top).iter().find(personal).cloned());
    let other_phone = candidate_phone
        .as_ref()
        .and_then(|_| phones(top).into_iter().next());
    let other = other_email
        .or(other_phone)
        // A name on its own line that is not the candidate's.
        .or_else(|| found.names.first().cloned());
    match other {
        Some(other) => Identity {
            verdict: Verdict::Other,
            found,
            other: Some(other),
        },
        None => Identity {
            verdict: Verdict::Unknown,
            found,
            other: None,
        },
    }
}

/// Whether `email` (lower-case) can be a person's: not an organisation's role address
/// (`info@`, `hr@`…) and not at one of the recruiter's own domains.
#[must_use]
pub fn is_personal(email: &str, ignore: &Ignore) -> bool {
    let (local, domain) = email.split_once('@').unwrap_or((email, ""));
    !ROLE_ADDRESSES.contains(&local)
        && !ignore
            .domains
            .iter()
            .any(|d| d.eq_ignore_ascii_case(domain))
}

/// The top of the first page.
fn head(text: &str) -> &str {
    match text.char_indices().nth(HEAD_CHARS) {
        Some((i, _)) => &text[..i],
        None => text,
    }
}

/// E-mail addresses in `text`, `mailto:` links included, lower-case.
#[must_use]
pub fn emails(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let is_local = |b: u8| b.is_ascii_alphanumeric() || b"._%+-".contains(&b);
    let is_domain = |b: u8| b.is_ascii_alphanumeric() || b"-.".contains(&b);
    for (at, _) in text.match_indices('@') {
        let mut start = at;
        while start > 0 && is_local(bytes[start - 1]) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < bytes.len() && is_domain(bytes[end]) {
            end += 1;
        }
        let local = text[start..at].trim_start_matches(['.', '-', '+']);
        let domain = text[at + 1..end].trim_end_matches(['.', '-']);
        let good_domain = domain.contains('.')
            && domain
                .rsplit('.')
                .next()
                .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
        if !local.is_empty() && good_domain {
            let local = local.strip_prefix("mailto:").unwrap_or(local);
            out.push(format!("{local}@{domain}").to_lowercase());
        }
    }
    out
}

/// Phone numbers in `text`, normalised: runs of digits with the usual separators, at least 9
/// digits.
#[must_use]
pub fn phones(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '+' || c.is_ascii_digit() {
            let start = i;
            let mut j = i;
            let mut digits = 0;
            while j < chars.len() {
                let d = chars[j];
                if d.is_ascii_digit() {
                    digits += 1;
                } else if !(d == '+' && j == start || " -./()\u{a0}".contains(d)) {
                    break;
                }
                j += 1;
            }
            if (9..=15).contains(&digits) {
                let raw: String = chars[start..j].iter().collect();
                if let Some(key) = phone_key(&raw) {
                    out.push(key);
                }
            }
            i = j.max(i + 1);
        } else {
            i += 1;
        }
    }
    out
}

/// A phone number reduced to what identifies it across ways of writing it: the national number
/// without trunk `0` or the Dutch (31) and German (49) country codes, so `06-12345678`,
/// `+31 6 1234 5678` and `0031612345678` are one number. `None` for too few digits.
#[must_use]
pub fn phone_key(raw: &str) -> Option<String> {
    let trimmed = raw.trim();
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let international = trimmed.starts_with('+') || digits.starts_with("00");
    let mut national = digits.trim_start_matches("00");
    if international
        && let Some(rest) = ["31", "49"]
            .iter()
            .find_map(|code| national.strip_prefix(code))
    {
        national = rest;
    }
    // a trunk 0, also "+31 (0)6…"
    let national = national.trim_start_matches('0').to_owned();
    (8..=13).contains(&national.len()).then_some(national)
}

/// Lower-case, diacritics folded, German umlauts as their base letter (`Müller`, `Mueller` and
/// `Muller` are one name), everything but letters made a space.
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' => "a",
            'æ' => "ae",
            'ç' | 'č' | 'ć' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ı' => "i",
            'ñ' | 'ń' => "n",
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' | 'ō' => "o",
            'œ' => "oe",
            'ß' => "ss",
            'ş' | 'š' | 'ś' => "s",
            'ü' | 'ù' | 'ú' | 'û' | 'ū' => "u",
            'ý' | 'ÿ' => "y",
            'ž' | 'ź' | 'ż' => "z",
            'ğ' => "g",
            'ł' => "l",
            'đ' | 'ð' => "d",
            'þ' => "th",
            c if c.is_alphabetic() => {
                out.push(c);
                continue;
            }
            _ => " ",
        };
        out.push_str(base);
    }
    // `ae`/`oe`/`ue` written for an umlaut read as the plain letter.
    out.replace("ae", "a").replace("oe", "o").replace("ue", "u")
}

/// Whether `text` names the person called `name`: given name (or its initial) and surname near
/// each other in that order, the surname before a comma and the given name ("Jansen, Anna"), or
/// the letters of the name run together by the text extractor. A hyphenated (married) surname
/// matches by either part.
#[must_use]
pub fn name_in(text: &str, name: &str) -> bool {
    let words: Vec<String> = fold(name).split_whitespace().map(str::to_owned).collect();
    let Some(given) = words.first().cloned() else {
        return false;
    };
    let surname_words: Vec<&String> = words
        .iter()
        .skip(1)
        .filter(|w| !PARTICLES.contains(&w.as_str()))
        .collect();
    if surname_words.is_empty() || given.len() < 2 {
        return false;
    }
    let folded = fold(text);
    let tokens: Vec<&str> = folded.split_whitespace().collect();
    let surnames: Vec<&str> = surname_words.iter().map(|w| w.as_str()).collect();
    let is_given = |t: &str| t == given || (t.len() == 1 && given.starts_with(t));
    for (i, token) in tokens.iter().enumerate() {
        if !surnames.contains(token) {
            continue;
        }
        // Given name (or initial) up to five words before: "Anna M. van der Berg".
        let from = i.saturating_sub(6);
        if tokens[from..i].iter().any(|t| is_given(t)) {
            return true;
        }
        // "Berg, Anna": the given name right after.
        if tokens
            .get(i + 1..(i + 5).min(tokens.len()))
            .is_some_and(|after| after.iter().any(|t| *t == given))
        {
            return true;
        }
    }
    // Glued by the extractor: "annavanderberg", "annaberg".
    let letters: String = folded.chars().filter(|c| !c.is_whitespace()).collect();
    let all: String = words.concat();
    let short = format!("{given}{}", surnames.last().copied().unwrap_or_default());
    letters.contains(&all) || (short.len() >= 8 && letters.contains(&short))
}

/// Lines at the top that look like a person's name: two to four capitalised words of letters,
/// none of them a heading word.
fn header_names(top: &str) -> Vec<String> {
    top.lines()
        .map(str::trim)
        .filter(|line| {
            let words: Vec<&str> = line.split_whitespace().collect();
            (2..=5).contains(&words.len())
                && line
                    .chars()
                    .all(|c| c.is_alphabetic() || " -.'".contains(c))
                && words
                    .iter()
                    .any(|w| w.chars().next().is_some_and(char::is_uppercase))
                && words.iter().all(|w| {
                    let lower = fold(w).trim().to_owned();
                    !NOT_NAMES.contains(&lower.as_str())
                        && (w.chars().next().is_some_and(char::is_uppercase)
                            || PARTICLES.contains(&lower.as_str()))
                })
        })
        .map(str::to_owned)
        .take(3)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anna() -> Person {
        Person {
            name: "Anna van der Berg".into(),
            email: Some("anna.vdberg@example.com".into()),
            phone: Some("+31 6 1234 5678".into()),
        }
    }

    #[test]
    fn emails_including_mailto_links_are_found() {
        let text = "Contact: <mailto:Anna.vdBerg@Example.com>, or bram.visser@school.example.nl.\nnot@valid, x@y.z1";
        assert_eq!(
            emails(text),
            ["anna.vdberg@example.com", "bram.visser@school.example.nl"]
        );
    }

    #[test]
    fn phones_written_any_way_are_one_number() {
        for raw in [
            "06-12345678",
            "+31 6 1234 5678",
            "0031 (0)6 12 34 56 78",
            "06 1234 5678",
        ] {
            assert_eq!(phone_key(raw).as_deref(), Some("612345678"), "{raw}");
        }
        assert_eq!(
            phone_key("+49 151 2345 6789").as_deref(),
            Some("15123456789")
        );
        assert_eq!(phone_key("0151 23456789").as_deref(), Some("15123456789"));
        assert_eq!(phone_key("2024"), None);
        assert_eq!(phones("Tel. 06-12345678, born 12.03.1990"), ["612345678"]);
    }

    #[test]
    fn names_are_found_however_they_are_written() {
        let name = "Anna van der Berg";
        for text in [
            "ANNA VAN DER BERG\nAmsterdam",
            "A. van der Berg",
            "A.M. van der Berg",
            "Berg, Anna van der",
            "AnnavanderBerg",
            "Anna Maria van der Berg — developer",
        ] {
            assert!(name_in(text, name), "{text}");
        }
        assert!(name_in("Jörg Müller", "Joerg Mueller"));
        assert!(name_in("Joerg Mueller", "Jörg Müller"));
        assert!(
            name_in("Anna de Vries", "Anna Jansen-de Vries"),
            "either part"
        );
        assert!(name_in("Anna Jansen", "Anna Jansen-de Vries"));
        assert!(!name_in("Bram Visser\nreferences: Anna", name));
        assert!(!name_in("Anneke Bergman", name));
    }

    #[test]
    fn the_candidates_details_anywhere_are_a_match() {
        let ignore = Ignore::default();
        let by_email = "Bram Visser\nbram@example.org\n...\nSent by anna.vdberg@example.com";
        assert_eq!(judge(by_email, &anna(), &ignore).verdict, Verdict::Match);
        let by_phone = "Curriculum Vitae\nT: 06 - 1234 5678";
        assert_eq!(judge(by_phone, &anna(), &ignore).verdict, Verdict::Match);
        let by_name = "Curriculum Vitae\nAnna van der Berg\nUtrecht";
        assert_eq!(judge(by_name, &anna(), &ignore).verdict, Verdict::Match);
    }

    #[test]
    fn someone_else_at_the_top_is_other_but_references_and_schools_are_not() {
        let ignore = Ignore {
            domains: vec!["agency.example".into()],
        };
        let bram = "Curriculum Vitae\nBram Visser\nbram.visser@example.org\n+31 6 9876 5432";
        let seen = judge(bram, &anna(), &ignore);
        assert_eq!(seen.verdict, Verdict::Other);
        assert_eq!(seen.other.as_deref(), Some("bram.visser@example.org"));
        // Organisations and the recruiter's own domain at the top do not count.
        let school = "Getuigschrift\ninfo@school.example.nl\njane@agency.example\n";
        assert_eq!(judge(school, &anna(), &ignore).verdict, Verdict::Unknown);
        // Without an address on record, an address is as likely to be the candidate's.
        let unknown = Person {
            email: None,
            phone: None,
            ..anna()
        };
        let own = "anna.new@example.net\n06 2222 3333";
        assert_eq!(judge(own, &unknown, &ignore).verdict, Verdict::Unknown);
        // References further down do not count.
        let mut long = "Curriculum Vitae\n".to_owned();
        long.push_str(&"Experience and education. ".repeat(40));
        long.push_str("\nReferences: piet@example.org, 06-11112222");
        assert_eq!(judge(&long, &anna(), &ignore).verdict, Verdict::Unknown);
        assert_eq!(judge("", &anna(), &ignore).verdict, Verdict::Unknown);
    }

    #[test]
    fn headings_are_not_names() {
        assert!(header_names("Curriculum Vitae\nPersonal Details\n").is_empty());
        assert_eq!(header_names("Bram van Visser\n"), ["Bram van Visser"]);
    }
}
