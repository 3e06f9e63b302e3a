//! SHA-256 (FIPS 180-4, https://csrc.nist.gov/pubs/fips/180-4/upd1/final) over sha2's
//! compression function alone: the padding is a few lines, and the WebAssembly module then
//! carries no `digest` buffering machinery for the ClientTokens and waiter seeds it hashes.

use sha2::digest::generic_array::GenericArray;

/// SHA-256's block size in bytes.
pub(crate) const BLOCK: usize = 64;

/// SHA-256's initial state (FIPS 180-4, 5.3.3).
pub(crate) const INITIAL: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

/// SHA-256 of `data`.
pub(crate) fn digest(data: &[u8]) -> [u8; 32] {
    let mut state = INITIAL;
    finish(&mut state, 0, data)
}

/// One block through the compression function.
pub(crate) fn compress(state: &mut [u32; 8], block: &[u8]) {
    sha2::compress256(state, std::slice::from_ref(GenericArray::from_slice(block)));
}

/// SHA-256 of a message whose first `absorbed` bytes (whole blocks) `state` has taken in,
/// followed by `data`. `state` is left as the final state (a caller holding secrets wipes it).
pub(crate) fn finish(state: &mut [u32; 8], absorbed: usize, data: &[u8]) -> [u8; 32] {
    let blocks = data.chunks_exact(BLOCK);
    let rest = blocks.remainder();
    for block in blocks {
        compress(state, block);
    }
    // The tail: the rest of `data`, 0x80, zeros, and the message's length in bits, in one
    // block or, when the length does not fit after the rest, two.
    let mut tail = [0_u8; 2 * BLOCK];
    for (slot, byte) in tail.iter_mut().zip(rest) {
        *slot = *byte;
    }
    if let Some(marker) = tail.get_mut(rest.len()) {
        *marker = 0x80;
    }
    let tail_len = if rest.len() + 9 <= BLOCK { BLOCK } else { 2 * BLOCK };
    let bits = ((absorbed + data.len()) as u64).wrapping_mul(8);
    if let Some(length) = tail.get_mut(tail_len - 8..tail_len) {
        length.copy_from_slice(&bits.to_be_bytes());
    }
    for block in tail.get(..tail_len).unwrap_or_default().chunks_exact(BLOCK) {
        compress(state, block);
    }
    let mut digest = [0_u8; 32];
    for (bytes, word) in digest.chunks_exact_mut(4).zip(*state) {
        bytes.copy_from_slice(&word.to_be_bytes());
    }
    digest
}

#[cfg(test)]
mod tests {
    use sha2::{Digest, Sha256};

    use super::*;

    #[test]
    fn equals_sha2_for_every_length_around_the_block() {
        let bytes: Vec<u8> = (0..300_u32).map(|i| (i * 11 + 5) as u8).collect();
        for length in (0..=140).chain([191, 192, 255, 256, 300]) {
            let data = &bytes[..length];
            let expected: [u8; 32] = Sha256::digest(data).into();
            assert_eq!(digest(data), expected, "{length} bytes");
        }
    }
}
