//! IP address text, read exactly as `str::parse::<IpAddr>` reads it: four decimal octets
//! (no leading zeros, at most 255), or eight hexadecimal groups with at most one `::` and an
//! optional trailing IPv4 address.
//!
//! Why not core's parser: it is ~3.3 KB of the WebAssembly module for the `IpAddress`
//! conditions and `acs:SourceIp`; this is half of that. The tests compare the two on
//! generated addresses and near misses.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// `text` as `text.parse::<IpAddr>().ok()` reads it.
pub(crate) fn parse_ip(text: &str) -> Option<IpAddr> {
    let bytes = text.as_bytes();
    let mut at = 0;
    // As core: an IPv4 address read is the answer, whatever follows it.
    if let Some(v4) = ipv4(bytes, &mut at) {
        return (at == bytes.len()).then_some(IpAddr::V4(v4));
    }
    let mut at = 0;
    let v6 = ipv6(bytes, &mut at)?;
    (at == bytes.len()).then_some(IpAddr::V6(v6))
}

/// A number of at most `max_digits` digits in `radix` at `*at`, within `limit`; a leading zero
/// only when `zero_prefix` allows it or the number is `0`. `*at` moves past it only when read.
fn number(bytes: &[u8], at: &mut usize, radix: u32, max_digits: usize, zero_prefix: bool, limit: u32) -> Option<u32> {
    let start = *at;
    let mut value: u32 = 0;
    let mut digits = 0;
    while let Some(digit) = bytes
        .get(start + digits)
        .and_then(|byte| char::from(*byte).to_digit(radix))
    {
        value = value * radix + digit;
        digits += 1;
        if digits > max_digits || value > limit {
            return None;
        }
    }
    if digits == 0 || (!zero_prefix && digits > 1 && bytes.get(start) == Some(&b'0')) {
        return None;
    }
    *at = start + digits;
    Some(value)
}

/// Four dotted octets at `*at`; `*at` moves past them only when read.
fn ipv4(bytes: &[u8], at: &mut usize) -> Option<Ipv4Addr> {
    let mut cursor = *at;
    let mut octets = [0_u8; 4];
    for (index, octet) in octets.iter_mut().enumerate() {
        if index > 0 {
            if bytes.get(cursor) != Some(&b'.') {
                return None;
            }
            cursor += 1;
        }
        *octet = u8::try_from(number(bytes, &mut cursor, 10, 3, false, 255)?).ok()?;
    }
    *at = cursor;
    Some(Ipv4Addr::from(octets))
}

/// Colon-separated groups at `*at` into `groups` (a trailing IPv4 address fills two): how many,
/// and whether the last was an IPv4 address. `*at` moves past what was read.
fn groups(bytes: &[u8], at: &mut usize, groups: &mut [u16]) -> (usize, bool) {
    let limit = groups.len();
    for index in 0..limit {
        let mut cursor = *at;
        if index > 0 {
            if bytes.get(cursor) != Some(&b':') {
                return (index, false);
            }
            cursor += 1;
        }
        if index + 1 < limit {
            let mut v4_at = cursor;
            if let Some(v4) = ipv4(bytes, &mut v4_at) {
                let [a, b, c, d] = v4.octets();
                if let Some(pair) = groups.get_mut(index..index + 2) {
                    pair.copy_from_slice(&[u16::from_be_bytes([a, b]), u16::from_be_bytes([c, d])]);
                }
                *at = v4_at;
                return (index + 2, true);
            }
        }
        match number(bytes, &mut cursor, 16, 4, true, 0xffff) {
            Some(group) => {
                if let Some(slot) = groups.get_mut(index) {
                    *slot = group as u16;
                }
                *at = cursor;
            }
            None => return (index, false),
        }
    }
    (limit, false)
}

/// An IPv6 address at `*at`; `*at` moves past what was read.
fn ipv6(bytes: &[u8], at: &mut usize) -> Option<Ipv6Addr> {
    let mut cursor = *at;
    let mut head = [0_u16; 8];
    let (head_size, head_v4) = groups(bytes, &mut cursor, &mut head);
    if head_size == 8 {
        *at = cursor;
        return Some(Ipv6Addr::from(head));
    }
    // An IPv4 part only ends an address, and `::` stands for at least one zero group.
    if head_v4 || bytes.get(cursor..cursor + 2) != Some(b"::".as_slice()) {
        return None;
    }
    cursor += 2;
    let mut tail = [0_u16; 7];
    let (tail_size, _) = groups(bytes, &mut cursor, tail.get_mut(..7 - head_size).unwrap_or_default());
    let mut all = [0_u16; 8];
    for (slot, group) in all.iter_mut().zip(head.iter().take(head_size)) {
        *slot = *group;
    }
    for (slot, group) in all.iter_mut().skip(8 - tail_size).zip(tail.iter()) {
        *slot = *group;
    }
    *at = cursor;
    Some(Ipv6Addr::from(all))
}

#[cfg(test)]
mod tests {
    use super::parse_ip;

    /// Whether `text` is an address, once checked against core.
    fn same(text: &str) -> bool {
        let ours = parse_ip(text);
        assert_eq!(ours, text.parse().ok(), "{text:?}");
        ours.is_some()
    }

    #[test]
    fn reads_what_core_reads() {
        for text in [
            "",
            "0.0.0.0",
            "255.255.255.255",
            "256.0.0.0",
            "1.2.3",
            "1.2.3.4.5",
            "01.2.3.4",
            "1.2.3.04",
            "1.2.3.0",
            "1..2.3",
            " 1.2.3.4",
            "1.2.3.4 ",
            "1.2.3.4/8",
            "::",
            "::1",
            "1::",
            "1::2",
            ":1",
            "1:",
            ":::",
            "1:::2",
            "::ffff:10.0.0.1",
            "::ffff:10.0.0.01",
            "1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7::",
            "1:2:3:4:5:6::7:8",
            "::1:2:3:4:5:6:7",
            "::1:2:3:4:5:6:7:8",
            "1:2:3:4:5:6:1.2.3.4",
            "1:2:3:4:5:6:7:1.2.3.4",
            "1.2.3.4::",
            "1.2.3.4:1::",
            "::1.2.3.4:5",
            "12345::",
            "fFfF::",
            "0000:0000::",
            "00000::",
            "g::",
            "1:2:3:4:5:6:7:8%eth0",
            "[::1]",
            "::1.2.3",
            "1::2::3",
            "2001:db8::192.168.0.1",
            "::0.0.0.0",
        ] {
            same(text);
        }
    }

    #[test]
    fn reads_generated_text_as_core_reads_it() {
        let mut rng = crate::test_rng::Rng::new(0x2545_f491_4f6c_dd1d);
        let pieces = [
            "0", "1", "9", "10", "25", "255", "256", "01", "00", "1.", ".", ":", "::", "a", "F", "ff", "fff", "ffff",
            "fffff", "10.0.0.1", "1.2.3.4", "g", "-", " ", "%", "0000", "1234",
        ];
        let mut addresses = 0;
        for _ in 0..300_000 {
            let text: String = (0..rng.below(12)).map(|_| pieces[rng.below(pieces.len())]).collect();
            addresses += usize::from(same(&text));
        }
        let alphabet = b"0123456789abcdefABCDEF.:";
        for _ in 0..300_000 {
            let text: String = (0..rng.below(40))
                .map(|_| char::from(alphabet[rng.below(alphabet.len())]))
                .collect();
            addresses += usize::from(same(&text));
        }
        // Written addresses (compressed, full, with an IPv4 tail), and each with one character
        // deleted, doubled or replaced.
        for _ in 0..100_000 {
            let groups: Vec<u16> = (0..8)
                .map(|_| {
                    if rng.below(3) == 0 {
                        0
                    } else {
                        rng.below(0x1_0000) as u16
                    }
                })
                .collect();
            let v6 = std::net::Ipv6Addr::new(
                groups[0], groups[1], groups[2], groups[3], groups[4], groups[5], groups[6], groups[7],
            );
            let v4 = std::net::Ipv4Addr::new(
                rng.below(256) as u8,
                rng.below(256) as u8,
                rng.below(256) as u8,
                rng.below(256) as u8,
            );
            let full: Vec<String> = groups.iter().map(|g| format!("{g:x}")).collect();
            let texts = [
                v6.to_string(),
                full.join(":"),
                format!("{}:{v4}", full[..6].join(":")),
                format!("::{}:{v4}", full[..rng.below(5)].join(":")),
                v4.to_string(),
            ];
            for text in texts {
                addresses += usize::from(same(&text));
                let at = rng.below(text.len() + 1);
                let (before, after) = text.split_at(at);
                let replacement = char::from(b"0:.f9g"[rng.below(6)]);
                same(&format!("{before}{}", after.get(1..).unwrap_or_default()));
                same(&format!("{before}{replacement}{after}"));
                same(&format!("{before}{replacement}{}", after.get(1..).unwrap_or_default()));
            }
        }
        // Addresses, not only refusals, were compared.
        assert!(addresses > 400_000, "{addresses}");
    }
}
