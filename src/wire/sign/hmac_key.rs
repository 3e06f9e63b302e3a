//! HMAC-SHA256 (RFC 2104, https://www.rfc-editor.org/rfc/rfc2104) with the key schedule kept:
//! the SHA-256 states after the key's inner and outer pad blocks are computed once per
//! credentials, so a signature hashes three blocks instead of five. Both pad blocks are what an
//! HMAC implementation hashes first for every message; keeping them saves two of the thirteen
//! SHA-256 blocks of an ACS3 signature. The states are as secret as the key: they are wiped
//! when dropped, as the key is.

use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::sha256::{compress, digest, finish, BLOCK, INITIAL};

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
            let hashed = Zeroizing::new(digest(key));
            for (slot, byte) in block.iter_mut().zip(hashed.iter()) {
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
            compress(&mut state, padded.as_slice());
            state
        };
        HmacSha256Key {
            inner: state_after(0x36),
            outer: state_after(0x5c),
        }
    }

    /// HMAC-SHA256 of `data`.
    pub(crate) fn mac(&self, data: &[u8]) -> [u8; 32] {
        let mut state = self.inner;
        let inner = finish(&mut state, BLOCK, data);
        state.zeroize();
        let mut state = self.outer;
        let outer = finish(&mut state, BLOCK, &inner);
        state.zeroize();
        outer
    }
}

#[cfg(test)]
mod tests {
    use hmac::{Hmac, Mac};
    use sha2::Sha256;

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
