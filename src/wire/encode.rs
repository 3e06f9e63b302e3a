//! Byte-level encodings shared by request building and signing.

/// Percent-encodes per RFC 3986: everything except `A-Z a-z 0-9 - _ . ~` becomes `%XX`
/// (upper-case hex). This is the encoding every Alibaba SDK uses for both the URL and the
/// string to sign (Python `quote(v, safe='~')`), so spaces become `%20` and `*` becomes `%2A`.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    percent_encode_into(&mut out, text);
    out
}

const fn is_unreserved(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~')
}

/// [`percent_encode`] appended to `out`.
pub(crate) fn percent_encode_into(out: &mut String, text: &str) {
    let mut bytes = Vec::with_capacity(text.len() * 3);
    percent_encode_bytes(&mut bytes, text);
    push_ascii(out, &bytes);
}

/// The encoding as bytes: signing encodes every name and value of a request, and the RPC
/// string to sign encodes the whole query once more, so it is written byte by byte into one
/// buffer and checked as text once ([`push_ascii`]), not pushed as `char`s.
fn percent_encode_bytes(out: &mut Vec<u8>, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    // A table rather than the comparisons, and runs of unreserved bytes copied whole.
    const UNRESERVED: [bool; 256] = {
        let mut table = [false; 256];
        let mut byte = 0;
        while byte < 256 {
            table[byte] = is_unreserved(byte as u8);
            byte += 1;
        }
        table
    };
    let bytes = text.as_bytes();
    out.reserve(bytes.len());
    let mut run_start = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        if UNRESERVED[usize::from(byte)] {
            continue;
        }
        out.extend_from_slice(bytes.get(run_start..index).unwrap_or_default());
        out.extend_from_slice(&[b'%', HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0x0f)]]);
        run_start = index + 1;
    }
    out.extend_from_slice(bytes.get(run_start..).unwrap_or_default());
}

/// Appends bytes the encoders wrote, which are ASCII, so the check always passes (a byte that
/// was not would be shown as U+FFFD rather than dropped).
fn push_ascii(out: &mut String, bytes: &[u8]) {
    match std::str::from_utf8(bytes) {
        Ok(text) => out.push_str(text),
        Err(_) => out.push_str(&String::from_utf8_lossy(bytes)),
    }
}

/// Lower-case hex of `bytes` appended to `out` (digests and signatures, so only with
/// `signing`), written through a stack buffer, two digits per byte from one table: pushing
/// character by character costs more than the HMAC's bookkeeping, and a digit at a time a
/// tenth of the signing's own work.
#[cfg(feature = "signing")]
pub(crate) fn hex_into(out: &mut String, bytes: &[u8]) {
    const PAIRS: [[u8; 2]; 256] = {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut table = [[0_u8; 2]; 256];
        let mut byte = 0;
        while byte < 256 {
            table[byte] = [HEX[byte >> 4], HEX[byte & 0x0f]];
            byte += 1;
        }
        table
    };
    let mut buffer = [0_u8; 64];
    out.reserve(bytes.len() * 2);
    for chunk in bytes.chunks(buffer.len() / 2) {
        for (pair, &byte) in buffer.chunks_exact_mut(2).zip(chunk) {
            pair.copy_from_slice(&PAIRS[usize::from(byte)]);
        }
        // Hex digits are ASCII, so this is always `Ok`.
        if let Ok(text) = std::str::from_utf8(buffer.get(..chunk.len() * 2).unwrap_or_default()) {
            out.push_str(text);
        }
    }
}

/// Lower-case hex of `bytes`.
#[cfg(feature = "signing")]
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    hex_into(&mut out, bytes);
    out
}

/// `key=value&key=value` with both sides percent-encoded, in the given order.
pub fn encode_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut out = String::new();
    encode_pairs_into(&mut out, pairs);
    out
}

/// [`encode_pairs`] appended to `out`, through one byte buffer.
pub(crate) fn encode_pairs_into<'a>(out: &mut String, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) {
    let mut bytes = Vec::with_capacity(256);
    for (index, (key, value)) in pairs.into_iter().enumerate() {
        if index > 0 {
            bytes.push(b'&');
        }
        percent_encode_bytes(&mut bytes, key);
        bytes.push(b'=');
        percent_encode_bytes(&mut bytes, value);
    }
    push_ascii(out, &bytes);
}

/// Formats Unix seconds as `YYYY-MM-DDTHH:MM:SSZ`, the form of Alibaba's `Timestamp` and
/// `x-acs-date`. `None` outside years 1970-9999, where the form stops being fixed-width.
pub fn format_utc(unix_seconds: i64) -> Option<String> {
    const LAST_SECOND_OF_9999: i64 = 253_402_300_799;
    if !(0..=LAST_SECOND_OF_9999).contains(&unix_seconds) {
        return None;
    }
    let days = unix_seconds.div_euclid(86_400);
    let second_of_day = unix_seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    // Written digit by digit into a buffer: this runs once per signature, and `format!` cost
    // more than the rest of the date.
    let digits = |number: i64| u8::try_from(number.rem_euclid(10)).unwrap_or(0) + b'0';
    let two = |number: i64| [digits(number / 10), digits(number)];
    let [y1, y2] = two(year / 100);
    let [y3, y4] = two(year % 100);
    let [mo1, mo2] = two(month);
    let [d1, d2] = two(day);
    let [h1, h2] = two(second_of_day / 3_600);
    let [mi1, mi2] = two(second_of_day % 3_600 / 60);
    let [s1, s2] = two(second_of_day % 60);
    let text = [
        y1, y2, y3, y4, b'-', mo1, mo2, b'-', d1, d2, b'T', h1, h2, b':', mi1, mi2, b':', s1, s2, b'Z',
    ];
    // Digits and separators are ASCII, so this is always `Some`.
    std::str::from_utf8(&text).ok().map(str::to_owned)
}

/// Proleptic Gregorian date for days since 1970-01-01 (Howard Hinnant's algorithm, the
/// inverse of `crate::time`'s `days_from_civil`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Standard base64 with padding (RFC 4648 §4), what `base64`'s `STANDARD` engine writes: a few
/// lines instead of the crate's unrolled encoder in the WebAssembly build, which has no signing
/// and encodes only a request body that is not UTF-8.
pub(crate) fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0_u32, |group, (index, byte)| {
            group | u32::from(*byte) << (16 - 8 * index)
        });
        for index in 0..4 {
            if index <= chunk.len() {
                out.push(char::from(ALPHABET[(group >> (18 - 6 * index) & 0x3f) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn base64_is_the_standard_engine() {
        use base64::Engine as _;
        let bytes: Vec<u8> = (0..=255).chain((0..=255).rev()).collect();
        for length in 0..bytes.len() {
            for start in [0, 1, 2, 100] {
                let slice = bytes.get(start..start + length).unwrap_or_default();
                assert_eq!(
                    super::base64(slice),
                    base64::engine::general_purpose::STANDARD.encode(slice)
                );
            }
        }
    }
    use super::*;

    #[test]
    fn percent_encoding_follows_rfc3986() {
        assert_eq!(percent_encode("a b*c~d-e_f.g"), "a%20b%2Ac~d-e_f.g");
        assert_eq!(percent_encode("+/=&%"), "%2B%2F%3D%26%25");
        assert_eq!(percent_encode("杭州"), "%E6%9D%AD%E5%B7%9E");
        assert_eq!(percent_encode(""), "");
        assert_eq!(percent_encode("杭州a~b 中"), "%E6%9D%AD%E5%B7%9Ea~b%20%E4%B8%AD");
        assert_eq!(percent_encode("abc"), "abc");
        let every: String = (1..=0x7f_u8).map(char::from).chain("é杭~".chars()).collect();
        let expected: String = every
            .bytes()
            .map(|byte| match byte {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => char::from(byte).to_string(),
                other => format!("%{other:02X}"),
            })
            .collect();
        assert_eq!(percent_encode(&every), expected);
        assert_eq!(encode_pairs([("a b", "c&d"), ("", "=")]), "a%20b=c%26d&=%3D");
    }

    #[test]
    #[cfg(feature = "signing")]
    fn hex_is_lower_case() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(hex(&[]), "");
        let long: Vec<u8> = (0..=255).collect();
        let expected: String = long.iter().map(|byte| format!("{byte:02x}")).collect();
        assert_eq!(hex(&long), expected);
    }

    #[test]
    fn utc_formatting_round_trips_through_the_parser() {
        for seconds in [
            0,
            951_782_400,
            1_510_444_799,
            1_700_000_000,
            1_709_208_000,
            4_102_444_800,
            253_402_300_799,
        ] {
            let text = format_utc(seconds).expect("in range");
            assert_eq!(crate::time::parse_utc(&text), Some(seconds), "{text}");
        }
        assert_eq!(format_utc(1_700_000_000).as_deref(), Some("2023-11-14T22:13:20Z"));
        assert_eq!(format_utc(-1), None);
        assert_eq!(format_utc(253_402_300_800), None);
    }
}
