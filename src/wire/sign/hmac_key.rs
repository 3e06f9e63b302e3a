//! HMAC-SHA256 (RFC 2104, https://www.rfc-editor.org/rfc/rfc2104) with the key schedule kept:
//! the SHA-256 states after the key's inner and outer pad blocks are computed once per
//! credentials, so a signature hashes three blocks instead of five. Both pad blocks are what an
//! HMAC implementation hashes first for every message; keeping them saves two of the thirteen
//! SHA-256 blocks of an ACS3 signature. The states are as secret as the key: they are wiped
//! when dropped, as the key is.

use sha2::digest::generic_array::GenericArray;
use sha2::{Digest, Sha256};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

/// SHA-256's block size in bytes.
const BLOCK: usize = 64;

/// SHA-256's initial state (FIPS 180-4, 5.3.3).
const INITIAL: [u32; 8] = [
    0x6a09_e667,
    0xbb67_ae85,
    0x3c6e_f372,
    0xa54f_f53a,
    0x510e_527f,
    0x9b05_688c,
    0x1f83_d9ab,
    0x5be0_cd19,
];

/// An HMAC-SHA256 key, as the states after its two pad blocks.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub(crate) struct HmacSha256Key {
    inner: [u32; 8],
    outer: [u32; 8],
}

impl HmacSha256Key {
    pub(crate) fn new(key: &[u8]) -> HmacSha256Key {
        // A key longer than a block is hashed first; a shorter one is padded with zeros.
        let mut block = Zeroizing::new([0_u8; BLOCK]);
        if key.len() > BLOCK {
            let digest = Zeroizing::new(<[u8; 32]>::from(Sha256::digest(key)));
            for (slot, byte) in block.iter_mut().zip(digest.iter()) {
                *slot = *byte;
            }
        } else {
            for (slot, byte) in block.iter_mut().zip(key) {
                *slot = *byte;
            }
        }
        let state_after = |pad: u8| {
            let mut padded = Zeroizing::new([0_u8; BLOCK]);
            for (slot, byte) in padded.iter_mut().zip(block.iter()) {
                *slot = byte ^ pad;
            }
            let mut state = INITIAL;
            sha2::compress256(
                &mut state,
                std::slice::from_ref(GenericArray::from_slice(padded.as_slice())),
            );
            state
        };
        HmacSha256Key {
            inner: state_after(0x36),
            outer: state_after(0x5c),
        }
    }

    /// HMAC-SHA256 of `data`.
    pub(crate) fn mac(&self, data: &[u8]) -> [u8; 32] {
        let inner = finish(self.inner, data);
        finish(self.outer, &inner)
    }
}

/// SHA-256 of a message whose first block `state` has absorbed, followed by `data`.
fn finish(mut state: [u32; 8], data: &[u8]) -> [u8; 32] {
    let blocks = data.chunks_exact(BLOCK);
    let rest = blocks.remainder();
    for block in blocks {
        sha2::compress256(&mut state, std::slice::from_ref(GenericArray::from_slice(block)));
    }
    // The tail: the rest of `data`, 0x80, zeros, and the message's length in bits (the first
    // block included), in one block or, when the length does not fit after the rest, two.
    let mut tail = [0_u8; 2 * BLOCK];
    for (slot, byte) in tail.iter_mut().zip(rest) {
        *slot = *byte;
    }
    if let Some(marker) = tail.get_mut(rest.len()) {
        *marker = 0x80;
    }
    let tail_len = if rest.len() + 9 <= BLOCK { BLOCK } else { 2 * BLOCK };
    let bits = ((BLOCK + data.len()) as u64).wrapping_mul(8);
    if let Some(length) = tail.get_mut(tail_len - 8..tail_len) {
        length.copy_from_slice(&bits.to_be_bytes());
    }
    for block in tail.get(..tail_len).unwrap_or_default().chunks_exact(BLOCK) {
        sha2::compress256(&mut state, std::slice::from_ref(GenericArray::from_slice(block)));
    }
    let mut digest = [0_u8; 32];
    for (bytes, word) in digest.chunks_exact_mut(4).zip(state) {
        bytes.copy_from_slice(&word.to_be_bytes());
    }
    state.zeroize();
    digest
}

#[cfg(test)]
mod tests {
    use hmac::{Hmac, Mac};

    use super::*;

    #[test]
    fn equals_the_hmac_crate_for_every_key_and_message_length_around_the_block() {
        let bytes: Vec<u8> = (0..300_u32).map(|i| (i * 7 + 3) as u8).collect();
        for key_len in [0, 1, 31, 32, 63, 64, 65, 100, 200] {
            let key = &bytes[..key_len];
            let ours = HmacSha256Key::new(key);
            for data_len in (0..=140).chain([191, 192, 255, 256, 300]) {
                let data = &bytes[bytes.len() - data_len..];
                let mut theirs = Hmac::<Sha256>::new_from_slice(key).expect("any key length");
                theirs.update(data);
                let expected: [u8; 32] = theirs.finalize().into_bytes().into();
                assert_eq!(ours.mac(data), expected, "key {key_len} bytes, data {data_len} bytes");
            }
        }
    }
}
