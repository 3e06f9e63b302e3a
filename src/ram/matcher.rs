//! RAM wildcards: `*` matches any run of characters (including none), `?` exactly one.
//!
//! Policies and the texts they are matched against both come from users, so the cost needs a
//! bound that no input can exceed; backtracking (and the usual two-pointer scan, O(pattern ×
//! text) on `acs:*aaaa…ab`) has none worth the name. Instead the pattern's automaton runs over
//! the text, all states at once: after each pattern character, a bitset over text positions
//! holds the text prefixes the pattern prefix read so far can match, and the character updates
//! it with word operations:
//! - a literal `c`: shift by one, keep the positions where the text has `c`;
//! - `?`: shift by one;
//! - `*`: every position from the first one in the set onwards.
//!
//! The text matches when its full length is in the set at the end. Each pattern character
//! costs ⌈(text length + 1) / 64⌉ word operations, so a match is O(pattern × text / 64)
//! whatever the input, after a one-off O(text log text) preparation ([`PreparedText`]) that
//! every pattern matched against the same text shares. Memory is O(text): a character that
//! occurs often gets a bitset, a rare one a list of positions, and at most 64 characters can
//! be frequent enough for a bitset.
//!
//! The RAM entry points bound the texts themselves ([`crate::ram::MAX_MATCH_TEXT_CHARS`]), so
//! a whole evaluation stays linear in the size of the policies.

/// Case-sensitive match (resources, `StringLike`).
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    PreparedText::new(text).matches(pattern)
}

/// Case-insensitive match (actions). Compares full Unicode lowercase forms.
pub fn wildcard_match_ignore_case(pattern: &str, text: &str) -> bool {
    PreparedText::lowercased(text).matches_ignore_case(pattern)
}

const WORD_BITS: usize = 64;

/// Sorts `pairs` ascending: insertion sort in runs of [`RUN`], then bottom-up merges. The
/// pairs are distinct (each holds its own position), so every sort gives this order, and these
/// few lines keep core's sort routines (~4 KB) out of the WebAssembly build, where this is
/// their only use. O(n log n) for the 2,048 chars a text may have.
fn sort_pairs(pairs: &mut Vec<(char, usize)>) {
    const RUN: usize = 16;
    let length = pairs.len();
    for run in pairs.chunks_mut(RUN) {
        for index in 1..run.len() {
            let mut at = index;
            while at > 0 && run.get(at - 1) > run.get(at) {
                run.swap(at - 1, at);
                at -= 1;
            }
        }
    }
    if length <= RUN {
        return;
    }
    let mut from = std::mem::take(pairs);
    let mut to: Vec<(char, usize)> = Vec::with_capacity(length);
    let mut width = RUN;
    while width < length {
        to.clear();
        let mut start = 0;
        while start < length {
            let middle = length.min(start + width);
            let end = length.min(start + 2 * width);
            let mut left = from.get(start..middle).unwrap_or_default().iter().peekable();
            let mut right = from.get(middle..end).unwrap_or_default().iter().peekable();
            while let (Some(&&first), Some(&&second)) = (left.peek(), right.peek()) {
                if first <= second {
                    to.push(first);
                    left.next();
                } else {
                    to.push(second);
                    right.next();
                }
            }
            to.extend(left);
            to.extend(right);
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    *pairs = from;
}

/// A text ready to be matched against any number of patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PreparedText {
    /// Length in characters.
    chars: usize,
    /// Words in a position bitset: positions 0 to `chars`, inclusive.
    words: usize,
    /// Each distinct character with the positions just after its occurrences, sorted by
    /// character for binary search.
    table: Vec<(char, Occurrences)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Occurrences {
    /// Fewer occurrences than the bitset has words: the positions, ascending.
    Few(Vec<usize>),
    /// The positions as a bitset.
    Many(Vec<u64>),
}

impl PreparedText {
    pub fn new(text: &str) -> PreparedText {
        let mut ends = Vec::with_capacity(text.len());
        for (index, c) in text.chars().enumerate() {
            ends.push((c, index + 1));
        }
        Self::from_ends(ends)
    }

    /// The text in full Unicode lowercase, for [`PreparedText::matches_ignore_case`].
    pub fn lowercased(text: &str) -> PreparedText {
        let mut ends = Vec::with_capacity(text.len());
        for c in text.chars() {
            for lower in super::lowercase::lower_char(c) {
                ends.push((lower, ends.len() + 1));
            }
        }
        Self::from_ends(ends)
    }

    /// The table of a text given as (character, position after it) pairs, in text order; one
    /// copy for both kinds of text instead of one per character iterator.
    fn from_ends(mut ends: Vec<(char, usize)>) -> PreparedText {
        // Sorted: grouping by character keeps the positions of each group ascending.
        let length = ends.len();
        let words = length / WORD_BITS + 1;
        sort_pairs(&mut ends);
        crate::work::add(length);
        let mut table: Vec<(char, Occurrences)> = Vec::new();
        let mut rest = ends.as_slice();
        while let Some(&(c, _)) = rest.first() {
            let run = rest.iter().take_while(|(other, _)| *other == c).count();
            let (group, tail) = rest.split_at(run);
            rest = tail;
            let occurrences = if group.len() < words {
                Occurrences::Few(crate::lists::map_items(group, |&(_, end)| end))
            } else {
                let mut bits = vec![0u64; words];
                for &(_, end) in group {
                    set_bit(&mut bits, end);
                }
                Occurrences::Many(bits)
            };
            table.push((c, occurrences));
        }
        PreparedText {
            chars: length,
            words,
            table,
        }
    }

    /// Case-sensitive match of `pattern` against this text.
    pub fn matches(&self, pattern: &str) -> bool {
        self.run(pattern.chars())
    }

    /// Case-insensitive match; the text must have been made with [`PreparedText::lowercased`].
    pub fn matches_ignore_case(&self, pattern: &str) -> bool {
        self.run(pattern.chars().flat_map(super::lowercase::lower_char))
    }

    fn occurrences(&self, c: char) -> Option<&Occurrences> {
        self.table
            .binary_search_by(|(known, _)| known.cmp(&c))
            .ok()
            .and_then(|index| self.table.get(index))
            .map(|(_, occurrences)| occurrences)
    }

    fn run(&self, pattern: impl Iterator<Item = char>) -> bool {
        let mut current = vec![0u64; self.words];
        let mut next = vec![0u64; self.words];
        set_bit(&mut current, 0);
        for c in pattern {
            crate::work::add(self.words);
            let alive = match c {
                '*' => match lowest_bit(&current) {
                    Some(first) => {
                        fill_from(&mut current, first, self.chars);
                        true
                    }
                    None => false,
                },
                '?' => {
                    shift_one(&current, &mut next, self.chars);
                    std::mem::swap(&mut current, &mut next);
                    current.iter().any(|&word| word != 0)
                }
                literal => match self.occurrences(literal) {
                    None => false,
                    Some(Occurrences::Many(bits)) => {
                        shift_one(&current, &mut next, self.chars);
                        let mut any = false;
                        for (word, mask) in next.iter_mut().zip(bits) {
                            *word &= mask;
                            any |= *word != 0;
                        }
                        std::mem::swap(&mut current, &mut next);
                        any
                    }
                    Some(Occurrences::Few(ends)) => {
                        next.fill(0);
                        let mut any = false;
                        for &end in ends {
                            if test_bit(&current, end - 1) {
                                set_bit(&mut next, end);
                                any = true;
                            }
                        }
                        std::mem::swap(&mut current, &mut next);
                        any
                    }
                },
            };
            if !alive {
                return false;
            }
        }
        test_bit(&current, self.chars)
    }
}

fn set_bit(bits: &mut [u64], position: usize) {
    if let Some(word) = bits.get_mut(position / WORD_BITS) {
        *word |= 1 << (position % WORD_BITS);
    }
}

fn test_bit(bits: &[u64], position: usize) -> bool {
    bits.get(position / WORD_BITS)
        .is_some_and(|word| word & (1 << (position % WORD_BITS)) != 0)
}

fn lowest_bit(bits: &[u64]) -> Option<usize> {
    bits.iter().position(|&word| word != 0).and_then(|index| {
        bits.get(index)
            .map(|word| index * WORD_BITS + word.trailing_zeros() as usize)
    })
}

/// Sets every position from `first` to `last` inclusive (and clears those before `first`).
fn fill_from(bits: &mut [u64], first: usize, last: usize) {
    for (index, word) in bits.iter_mut().enumerate() {
        let low = index * WORD_BITS;
        let high = low + WORD_BITS - 1;
        *word = if high < first || low > last {
            0
        } else {
            let from = first.saturating_sub(low);
            let to = (last - low).min(WORD_BITS - 1);
            let above_from = u64::MAX << from;
            let up_to = u64::MAX >> (WORD_BITS - 1 - to);
            above_from & up_to
        };
    }
}

/// `to` = `from` shifted up one position, positions above `last` dropped.
fn shift_one(from: &[u64], to: &mut [u64], last: usize) {
    let mut carry = 0;
    for (source, target) in from.iter().zip(to.iter_mut()) {
        *target = (source << 1) | carry;
        carry = source >> (WORD_BITS - 1);
    }
    if let Some(top) = to.get_mut(last / WORD_BITS) {
        *top &= u64::MAX >> (WORD_BITS - 1 - last % WORD_BITS);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sort_pairs_sorts_as_core_sorts() {
        let mut rng = crate::test_rng::Rng::new(0x9e37_79b9_7f4a_7c15);
        for length in (0..70).chain([500, 2_048]) {
            let mut pairs: Vec<(char, usize)> = (0..length)
                .map(|index| (char::from(b'a' + rng.below(5) as u8), index + 1))
                .collect();
            let mut expected = pairs.clone();
            expected.sort_unstable();
            super::sort_pairs(&mut pairs);
            assert_eq!(pairs, expected, "{length}");
        }
    }

    use super::*;

    #[test]
    fn stars_and_question_marks() {
        assert!(wildcard_match("*", ""));
        assert!(wildcard_match("", ""));
        assert!(!wildcard_match("", "a"));
        assert!(wildcard_match(
            "acs:ecs:*:*:instance/*",
            "acs:ecs:cn-hangzhou:1234567890123456:instance/i-1"
        ));
        assert!(wildcard_match("i-????", "i-abcd"));
        assert!(!wildcard_match("i-????", "i-abc"));
        assert!(!wildcard_match("i-???", "i-abcd"));
        assert!(wildcard_match("a*b*c", "aXbYc"));
        assert!(!wildcard_match("a*b*c", "aXbY"));
        assert!(wildcard_match("**", "x"));
        assert!(wildcard_match("?", "中"));
        assert!(wildcard_match("*?", "x"));
        assert!(!wildcard_match("*??", "x"));
    }

    #[test]
    fn case_rules() {
        assert!(!wildcard_match("ECS:*", "ecs:RebootInstance"));
        assert!(wildcard_match_ignore_case("ECS:reboot*", "ecs:RebootInstance"));
    }

    #[test]
    fn texts_across_word_boundaries() {
        for length in [62, 63, 64, 65, 127, 128, 129, 200] {
            let text = "a".repeat(length);
            assert!(wildcard_match(&"?".repeat(length), &text), "{length}");
            assert!(!wildcard_match(&"?".repeat(length + 1), &text), "{length}");
            assert!(!wildcard_match(&"?".repeat(length - 1), &text), "{length}");
            assert!(wildcard_match(&format!("*{}", "a".repeat(length)), &text), "{length}");
            assert!(wildcard_match(&format!("{}*", "a".repeat(length)), &text), "{length}");
            assert!(
                !wildcard_match(&format!("*{}", "a".repeat(length + 1)), &text),
                "{length}"
            );
            let marked = format!("{}b{}", "a".repeat(length / 2), "a".repeat(length - length / 2));
            assert!(wildcard_match("*b*", &marked), "{length}");
            assert!(
                wildcard_match(&format!("{}b*", "?".repeat(length / 2)), &marked),
                "{length}"
            );
            assert!(
                !wildcard_match(&format!("{}b*", "?".repeat(length / 2 + 1)), &marked),
                "{length}"
            );
        }
    }

    #[test]
    fn work_is_bounded_by_pattern_times_text_words() {
        let pattern = format!("acs:*{}b", "a".repeat(6_000));
        let text = format!("acs:{}", "a".repeat(100_000));
        crate::work::take();
        assert!(!wildcard_match(&pattern, &text));
        let words = (text.len() / 64 + 1) as u64;
        let work = crate::work::take();
        assert!(work <= (pattern.len() as u64 + 1) * words + text.len() as u64, "{work}");
        let pattern = "a*".repeat(200) + "b";
        crate::work::take();
        assert!(!wildcard_match(&pattern, &"a".repeat(5_000)));
        assert!(crate::work::take() <= 401 * (5_000 / 64 + 1) + 5_000);
    }
}
