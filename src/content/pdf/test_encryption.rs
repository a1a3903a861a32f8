//! Building encrypted PDFs for the tests: the standard security handler, revision 2, with its
//! own small MD5 and RC4 so no crypto crate is needed.

use super::test_builders::assemble;

/// Upper-case hexadecimal, as PDF hex strings are written here.
fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut out, b| {
        write!(out, "{b:02X}").unwrap();
        out
    })
}

/// The password padding of the standard security handler (PDF 1.7, 7.6.3.3).
const PADDING: [u8; 32] = [
    0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
    0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
];

/// The password padded (or cut) to 32 bytes with [`PADDING`].
fn padded(password: &[u8]) -> Vec<u8> {
    password.iter().chain(&PADDING).take(32).copied().collect()
}

/// RC4 (encryption and decryption are the same).
fn rc4(key: &[u8], data: &[u8]) -> Vec<u8> {
    let mut s: Vec<u8> = (0..=255).collect();
    let mut j = 0_u8;
    for i in 0..256 {
        j = j.wrapping_add(s[i]).wrapping_add(key[i % key.len()]);
        s.swap(i, usize::from(j));
    }
    let (mut i, mut j) = (0_u8, 0_u8);
    data.iter()
        .map(|byte| {
            i = i.wrapping_add(1);
            j = j.wrapping_add(s[usize::from(i)]);
            s.swap(usize::from(i), usize::from(j));
            let k = s[usize::from(s[usize::from(i)].wrapping_add(s[usize::from(j)]))];
            byte ^ k
        })
        .collect()
}

/// MD5 (RFC 1321), with the RFC's names.
#[allow(clippy::many_single_char_names)]
fn md5(data: &[u8]) -> [u8; 16] {
    const SHIFTS: [u32; 16] = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];
    let constants: Vec<u32> = (0..64)
        .map(|i| {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let k = (f64::from(i + 1).sin().abs() * 4_294_967_296.0) as u32;
            k
        })
        .collect();
    let mut message = data.to_vec();
    message.push(0x80);
    while message.len() % 64 != 56 {
        message.push(0);
    }
    message.extend_from_slice(&(u64::try_from(data.len()).unwrap() * 8).to_le_bytes());
    let mut state: [u32; 4] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476];
    for block in message.chunks(64) {
        let words: Vec<u32> = block
            .chunks(4)
            .map(|w| u32::from_le_bytes(w.try_into().unwrap()))
            .collect();
        let [mut a, mut b, mut c, mut d] = state;
        for i in 0..64 {
            let (f, g) = match i / 16 {
                0 => ((b & c) | (!b & d), i),
                1 => ((d & b) | (!d & c), (5 * i + 1) % 16),
                2 => (b ^ c ^ d, (3 * i + 5) % 16),
                _ => (c ^ (b | !d), (7 * i) % 16),
            };
            let rotated = a
                .wrapping_add(f)
                .wrapping_add(constants[i])
                .wrapping_add(words[g])
                .rotate_left(SHIFTS[(i / 16) * 4 + i % 4]);
            (a, d, c) = (d, c, b);
            b = b.wrapping_add(rotated);
        }
        for (s, v) in state.iter_mut().zip([a, b, c, d]) {
            *s = s.wrapping_add(v);
        }
    }
    let mut digest = [0; 16];
    for (chunk, word) in digest.chunks_mut(4).zip(state) {
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    digest
}

/// A one-page PDF encrypted by the standard security handler, revision 2 (RC4, 40-bit), with
/// the given user password and owner password "owner". Its content stream is encrypted, so
/// the text can only be read with the right key.
pub(super) fn encrypted_pdf(user_password: &[u8]) -> Vec<u8> {
    let id = *b"atsdrop-test-id!";
    let permissions: i32 = -4;
    // Algorithm 3: the O entry.
    let owner_key = &md5(&padded(b"owner"))[..5];
    let owner = rc4(owner_key, &padded(user_password));
    // Algorithm 2: the file key.
    let mut input = padded(user_password);
    input.extend_from_slice(&owner);
    input.extend_from_slice(&permissions.to_le_bytes());
    input.extend_from_slice(&id);
    let key = md5(&input)[..5].to_vec();
    // Algorithm 4: the U entry.
    let user = rc4(&key, &PADDING);
    // Algorithm 1: the content stream (object 4, generation 0) under its own key.
    let mut object_key = key.clone();
    object_key.extend_from_slice(&[4, 0, 0, 0, 0]);
    let object_key = &md5(&object_key)[..10];
    let content = rc4(
        object_key,
        b"BT /F1 12 Tf 72 720 Td (Confidential offer) Tj ET",
    );

    let mut stream = format!("<< /Length {} >>\nstream\n", content.len()).into_bytes();
    stream.extend_from_slice(&content);
    stream.extend_from_slice(b"\nendstream");
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] \
          /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"
            .to_vec(),
        stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
        format!(
            "<< /Filter /Standard /V 1 /R 2 /O <{}> /U <{}> /P {permissions} >>",
            hex(&owner),
            hex(&user)
        )
        .into_bytes(),
    ];
    let trailer = format!(
        "<< /Size 7 /Root 1 0 R /Encrypt 6 0 R /ID [<{0}> <{0}>] >>",
        hex(&id)
    );
    assemble(&objects, &trailer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md5_and_rc4_match_their_published_test_vectors() {
        assert_eq!(hex(&md5(b"")), "D41D8CD98F00B204E9800998ECF8427E");
        assert_eq!(
            hex(&md5(b"The quick brown fox jumps over the lazy dog")),
            "9E107D9D372BB6826BD81D3542A419D6"
        );
        assert_eq!(hex(&rc4(b"Key", b"Plaintext")), "BBF316E8D940AF0AD3");
    }
}
