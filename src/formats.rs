//! Identifier and token formats. Neither Alibaba nor Zenlayer publishes a pattern for these ids,
//! so the rules follow every documented example and are kept deliberately small and explicit.

use crate::codes::ClientCode;
use crate::error::{Error, ErrorDetail, Result};
use crate::lang::Text;
use crate::messages;
use crate::spec::Format;

/// Longest string any check looks at; longer input is rejected before any other work.
pub const MAX_STRING_CHARS: usize = 1024;

impl Format {
    pub fn accepts(self, value: &str) -> bool {
        if value.len() > MAX_STRING_CHARS {
            return false;
        }
        match self {
            Format::EcsInstanceId => prefixed_run(value, "i-", 8, 32, |b| b.is_ascii_lowercase() || b.is_ascii_digit()),
            Format::ServiceInstanceId => prefixed_run(value, "si-", 20, 20, |b| {
                b.is_ascii_digit() || (b'a'..=b'f').contains(&b)
            }),
            // Zenlayer ids are opaque (numeric in every example); accept the id alphabet
            // generously so a format change there does not lock users out.
            Format::ZecInstanceId => prefixed_run(value, "", 1, 64, |b| {
                b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
            }),
            Format::Arn => is_arn(value),
            Format::ClientToken => (1..=64).contains(&value.len()) && value.bytes().all(|b| (0x21..=0x7e).contains(&b)),
            Format::RegionId => is_region_id(value),
        }
    }

    /// What the format expects, for error messages.
    pub fn describe(self) -> Text {
        messages::catalog::format_description(self)
    }
}

/// Checks a `region` call argument (not a request parameter): `InvalidParameter.Region`.
pub fn check_region_argument(region: &str) -> Result<()> {
    if Format::RegionId.accepts(region) {
        return Ok(());
    }
    Err(Error::Input(ErrorDetail::client(
        ClientCode::InvalidParameterRegion,
        messages::catalog::invalid_region(region),
        Some("region".to_owned()),
    )))
}

/// `prefix`, then `min..=max` bytes that are all `allowed`. The alphabets are ASCII, so the
/// bytes are checked rather than decoded characters (a non-ASCII character's bytes are never
/// allowed either way): validation runs before every build.
fn prefixed_run(value: &str, prefix: &str, min: usize, max: usize, allowed: impl Fn(u8) -> bool) -> bool {
    match value.strip_prefix(prefix) {
        Some(rest) => (min..=max).contains(&rest.len()) && rest.bytes().all(allowed),
        None => false,
    }
}

/// `^[a-z]{2,4}(-[a-z0-9]+)+$`
/// `head-part[-part…]`: a head of 2-4 lower-case letters, then one or more non-empty parts of
/// lower-case letters and digits, at most 64 bytes. One pass over the bytes (every build checks
/// its region).
fn is_region_id(value: &str) -> bool {
    let bytes = value.as_bytes();
    let Some(dash) = bytes.iter().position(|&b| b == b'-') else {
        return false;
    };
    let (head, tail) = bytes.split_at(dash);
    if bytes.len() > 64 || !(2..=4).contains(&head.len()) || !head.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    // `tail` starts with the head's dash; a dash must be followed by a part.
    let mut after_dash = false;
    for &byte in tail {
        if byte == b'-' {
            if after_dash {
                return false;
            }
            after_dash = true;
        } else if byte.is_ascii_lowercase() || byte.is_ascii_digit() {
            after_dash = false;
        } else {
            return false;
        }
    }
    !after_dash
}

/// `acs:<service>:<region>:<account>:<relative-id>`; region and account may be empty or `*`.
fn is_arn(value: &str) -> bool {
    let mut parts = value.splitn(5, ':');
    let (Some(scheme), Some(service), Some(region), Some(account), Some(relative)) =
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    scheme == "acs"
        && !service.is_empty()
        && service
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && (region.is_empty() || region == "*" || is_region_id(region))
        && (account.is_empty()
            || account == "*"
            || (account.len() <= 32 && account.bytes().all(|b| b.is_ascii_digit())))
        && !relative.is_empty()
        && relative.bytes().all(|b| (0x21..=0x7e).contains(&b))
}

#[cfg(test)]
mod tests {
    use crate::spec::Format;

    /// The region grammar written as splits, as it reads in words: the one-pass scan must agree.
    fn region_by_parts(value: &str) -> bool {
        let mut parts = value.split('-');
        let head_ok = parts
            .next()
            .is_some_and(|head| (2..=4).contains(&head.len()) && head.bytes().all(|b| b.is_ascii_lowercase()));
        let mut tail_count = 0;
        let tail_ok = parts.all(|part| {
            tail_count += 1;
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
        head_ok && tail_ok && tail_count > 0 && value.len() <= 64
    }

    #[test]
    fn the_region_scan_agrees_with_the_grammar_on_every_short_text() {
        let alphabet = ['a', 'z', '1', '-', 'A', '_', 'é'];
        let mut texts = vec![String::new()];
        for _ in 0..7 {
            let longer: Vec<String> = texts
                .iter()
                .filter(|text| text.chars().count() == texts.last().map_or(0, |t| t.chars().count()))
                .flat_map(|text| alphabet.iter().map(move |c| format!("{text}{c}")))
                .collect();
            texts.extend(longer);
        }
        texts.push(format!("cn-{}", "a".repeat(61)));
        texts.push(format!("cn-{}", "a".repeat(62)));
        for text in &texts {
            assert_eq!(super::is_region_id(text), region_by_parts(text), "{text:?}");
        }
    }

    #[test]
    fn documented_examples_are_accepted() {
        assert!(Format::EcsInstanceId.accepts("i-j6c6f3lbky38o8rpeqw2"));
        assert!(Format::ServiceInstanceId.accepts("si-d6ab3a63ccbb4b17a0f1"));
        assert!(Format::ZecInstanceId.accepts("1660545330971680835"));
        assert!(Format::Arn.accepts("acs:ecs:cn-hongkong:1488317743351199:instance/i-j6c6f3lbky38o8rpeqw2"));
        assert!(Format::Arn.accepts("acs:ecs:*:*:instance/*"));
        assert!(Format::RegionId.accepts("cn-shanghai-finance-1"));
        assert!(Format::ClientToken.accepts("TF-RebootInstance-1700000000-0a1b"));
    }

    #[test]
    fn near_misses_are_rejected() {
        assert!(!Format::EcsInstanceId.accepts("i-BP67ACFMXAZB4PH1"));
        assert!(!Format::EcsInstanceId.accepts("bp67acfmxazb4ph1"));
        assert!(!Format::ServiceInstanceId.accepts("si-d6ab3a63ccbb4b17****"));
        assert!(!Format::Arn.accepts("arn:acs:ecs:cn-hangzhou:1:instance/i-1"));
        assert!(!Format::Arn.accepts("acs:ecs:cn-hangzhou:1488317743351199:"));
        assert!(!Format::RegionId.accepts("cn"));
        assert!(!Format::RegionId.accepts("CN-hangzhou"));
        assert!(!Format::ClientToken.accepts("token with space"));
        assert!(!Format::ClientToken.accepts("令牌"));
        assert!(!Format::ClientToken.accepts(&"a".repeat(65)));
        assert!(!Format::ZecInstanceId.accepts(""));
    }
}
