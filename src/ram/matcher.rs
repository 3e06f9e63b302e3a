//! RAM wildcards: `*` matches any run of characters (including none), `?` exactly one.
//!
//! Policies come from users, so a pattern like `a*a*a*a*b` must not cost exponential time.
//! The iterative two-pointer scan below remembers only the last `*` seen: when a later literal
//! fails, it retries from one character further after that star. Earlier stars never need
//! revisiting, because the last star can already absorb anything they could, which keeps the
//! worst case at O(pattern × text) and the usual case linear.

/// Case-sensitive match (resources, `StringLike`).
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().collect();
    match_chars(&pattern, &text)
}

/// Case-insensitive match (actions). Compares full Unicode lowercase forms.
pub fn wildcard_match_ignore_case(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().flat_map(char::to_lowercase).collect();
    let text: Vec<char> = text.chars().flat_map(char::to_lowercase).collect();
    match_chars(&pattern, &text)
}

fn match_chars(pattern: &[char], text: &[char]) -> bool {
    let mut pattern_at = 0;
    let mut text_at = 0;
    // Where the last `*` was, and how much text it has swallowed so far.
    let mut last_star: Option<(usize, usize)> = None;
    while let Some(&current) = text.get(text_at) {
        match pattern.get(pattern_at) {
            Some('*') => {
                last_star = Some((pattern_at, text_at));
                pattern_at += 1;
            }
            Some(&wanted) if wanted == '?' || wanted == current => {
                pattern_at += 1;
                text_at += 1;
            }
            _ => match last_star {
                Some((star_at, swallowed_to)) => {
                    last_star = Some((star_at, swallowed_to + 1));
                    pattern_at = star_at + 1;
                    text_at = swallowed_to + 1;
                }
                None => return false,
            },
        }
    }
    pattern.get(pattern_at..).is_some_and(|rest| rest.iter().all(|&c| c == '*'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stars_and_question_marks() {
        assert!(wildcard_match("*", ""));
        assert!(wildcard_match("", ""));
        assert!(!wildcard_match("", "a"));
        assert!(wildcard_match("acs:ecs:*:*:instance/*", "acs:ecs:cn-hangzhou:1234567890123456:instance/i-1"));
        assert!(wildcard_match("i-????", "i-abcd"));
        assert!(!wildcard_match("i-????", "i-abc"));
        assert!(wildcard_match("a*b*c", "aXbYc"));
        assert!(!wildcard_match("a*b*c", "aXbY"));
        assert!(wildcard_match("**", "x"));
        assert!(wildcard_match("?", "中"));
    }

    #[test]
    fn case_rules() {
        assert!(!wildcard_match("ECS:*", "ecs:RebootInstance"));
        assert!(wildcard_match_ignore_case("ECS:reboot*", "ecs:RebootInstance"));
    }

    #[test]
    fn pathological_pattern_is_fast() {
        let pattern = "a*".repeat(200) + "b";
        let text = "a".repeat(5_000);
        let started = std::time::Instant::now();
        assert!(!wildcard_match(&pattern, &text));
        assert!(started.elapsed().as_secs() < 2);
    }
}
