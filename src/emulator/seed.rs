//! A deterministic, realistic population of candidates for every system.

use crate::model::ProviderId;

const FIRST: &[&str] = &[
    "Emma", "Liam", "Sophie", "Noah", "Julia", "Daan", "Mila", "Sem", "Tess", "Lucas", "Anna",
    "Finn", "Sara", "Levi", "Eva", "Jesse", "Zoë", "Milan", "Lotte", "Thijs", "Hannah", "Lukas",
    "Léa", "Mohammed", "Fatima", "Jan", "Ingrid", "Björn", "Chiara", "Mateo", "Aisha", "Oliver",
    "Amelia", "Kenji", "Priya", "Tomás", "Nadia", "Yusuf", "Marta", "Pieter",
];

const LAST: &[&str] = &[
    "de Jong",
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Dubois",
    "Martin",
    "Rossi",
    "García",
    "Nowak",
    "Kowalski",
    "Ødegaard",
    "Lindqvist",
    "O'Brien",
    "Murphy",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Okafor",
    "Yılmaz",
    "Tanaka",
    "Khan",
    "Peeters",
    "Janssens",
    "Hendriks",
    "Dekker",
    "Mulder",
];

const JOBS: &[&str] = &[
    "Backend Engineer",
    "Primary School Teacher",
    "Head of Marketing",
    "Data Analyst",
    "Sales Manager",
    "Mathematics Teacher",
    "Product Designer",
    "Recruiter",
];

/// One seeded person, as every system stores them (ids differ per system).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedCandidate {
    /// The system's id for this candidate.
    pub id: String,
    /// The id in an originating system.
    pub remote_id: String,
    /// Given name.
    pub first_name: String,
    /// Family name.
    pub last_name: String,
    /// E-mail address.
    pub email: String,
    /// Phone number.
    pub phone: String,
    /// Applications `(id, job name)`.
    pub applications: Vec<(String, String)>,
    /// Seconds after the seed epoch the record was last changed (for ordering).
    pub modified_offset: u64,
}

impl SeedCandidate {
    /// "First Last".
    #[must_use]
    pub fn full_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }
}

/// A small deterministic generator (`SplitMix64`).
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    #[must_use]
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next_u64() % n.max(1) as u64).unwrap_or(0)
    }

    /// A string of `len` characters from `alphabet`.
    pub fn string(&mut self, alphabet: &[u8], len: usize) -> String {
        (0..len)
            .map(|_| char::from(alphabet[self.below(alphabet.len())]))
            .collect()
    }
}

/// Base58 alphabet (Kombo ids).
pub const BASE58: &[u8] = b"123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
/// Alphanumerics (Airtable record ids).
pub const ALNUM: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// A deterministic UUID-shaped id.
#[must_use]
pub fn uuid_like(rng: &mut Rng) -> String {
    let hi = rng.next_u64();
    let lo = rng.next_u64();
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        hi >> 32,
        (hi >> 16) & 0xffff,
        hi & 0xfff,
        (lo >> 48) & 0xfff,
        lo & 0xffff_ffff_ffff
    )
}

/// An id in the style `provider` uses for candidates.
#[must_use]
pub fn candidate_id(provider: ProviderId, index: usize, rng: &mut Rng) -> String {
    match provider {
        ProviderId::Spott => format!("cand-{:06}", index + 1),
        ProviderId::Endorsed | ProviderId::Truto => uuid_like(rng),
        ProviderId::Kombo => rng.string(BASE58, 24),
        ProviderId::Onderwijsregio => format!("rec{}", rng.string(ALNUM, 14)),
    }
}

fn ascii_slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let mapped = match c {
            'ä' | 'á' | 'à' | 'â' => "a",
            'ë' | 'é' | 'è' | 'ê' => "e",
            'ï' | 'í' | 'ı' => "i",
            'ö' | 'ó' | 'ø' | 'Ø' => "o",
            'ü' | 'ú' => "u",
            'ç' => "c",
            'ñ' => "n",
            c if c.is_ascii_alphanumeric() => {
                out.push(c.to_ascii_lowercase());
                continue;
            }
            _ => continue,
        };
        out.push_str(mapped);
    }
    out
}

/// `count` candidates for `provider`, the same people for every system (ids differ).
#[must_use]
pub fn candidates(provider: ProviderId, count: usize) -> Vec<SeedCandidate> {
    let mut rng = Rng::new(0x5EED ^ (provider as u64 + 1).wrapping_mul(0x1234_5678_9ABC));
    let mut people = Rng::new(0xA75D_0001);
    (0..count)
        .map(|i| {
            let first = FIRST[people.below(FIRST.len())];
            let last = LAST[people.below(LAST.len())];
            let email = format!(
                "{}.{}{}@example.com",
                ascii_slug(first),
                ascii_slug(last),
                i + 1
            );
            let phone = format!("+31 6 {:08}", people.next_u64() % 100_000_000);
            let jobs = people.below(3);
            let applications = (0..jobs)
                .map(|_| {
                    let id = match provider {
                        ProviderId::Kombo => rng.string(BASE58, 24),
                        _ => uuid_like(&mut rng),
                    };
                    (id, JOBS[people.below(JOBS.len())].to_owned())
                })
                .collect();
            SeedCandidate {
                id: candidate_id(provider, i, &mut rng),
                remote_id: format!("ext-{}", 1000 + i),
                first_name: first.to_owned(),
                last_name: last.to_owned(),
                email,
                phone,
                applications,
                modified_offset: (i as u64) * 3600,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeds_are_deterministic_unique_and_plausible() {
        for p in ProviderId::ALL {
            let a = candidates(p, 300);
            let b = candidates(p, 300);
            assert_eq!(a, b);
            let mut ids: Vec<_> = a.iter().map(|c| c.id.clone()).collect();
            ids.sort();
            ids.dedup();
            assert_eq!(ids.len(), 300, "{p}: ids unique");
            assert!(
                a.iter()
                    .all(|c| c.email.is_ascii() && c.email.contains('@'))
            );
        }
        assert_eq!(candidates(ProviderId::Kombo, 1)[0].id.len(), 24);
        assert!(
            candidates(ProviderId::Onderwijsregio, 1)[0]
                .id
                .starts_with("rec")
        );
    }
}
