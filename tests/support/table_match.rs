//! The textbook O(pattern × text) wildcard table, the reference the RAM matcher is checked
//! against by `tests/ram_props.rs` and `fuzz/fuzz_targets/ram.rs`: `matched[j]` says whether
//! the pattern read so far matches the first `j` characters (`*` any run, `?` one character).
pub fn table_match(pattern: &[char], text: &[char]) -> bool {
    let mut matched = vec![false; text.len() + 1];
    matched[0] = true;
    for &p in pattern {
        let mut next = vec![false; text.len() + 1];
        for j in 0..=text.len() {
            next[j] = match p {
                '*' => matched[j] || (j > 0 && next[j - 1]),
                '?' => j > 0 && matched[j - 1],
                c => j > 0 && matched[j - 1] && text[j - 1] == c,
            };
        }
        matched = next;
    }
    matched[text.len()]
}
