//! Decimal text to `f64`, exactly as `str::parse::<f64>` reads it, for the finite results.
//!
//! Why not `str::parse`: core's parser carries a 10 KB table of 128-bit powers of five (and
//! ~4 KB of code) for its fast Eisel-Lemire step, a tenth of the WebAssembly module's data, and
//! the table hardly compresses (-12.6 KB gzip with it gone), for the few numbers a RAM policy or
//! context holds. This one is exact by plain big-integer
//! arithmetic: the decimal value is divided out into a 53-bit significand and rounded half to
//! even, as IEEE 754 and core's parser round. The tests compare the two on every kind of
//! input, halfway cases included.

/// `text` as `text.parse::<f64>()` reads it, when that is a finite number; `None` for text it
/// refuses and for the infinities and NaN it accepts (`"inf"`, `"NaN"`, `"1e999"`).
pub(crate) fn parse_f64(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let (negative, body) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let magnitude = magnitude(body)?;
    Some(if negative { -magnitude } else { magnitude })
}

/// The longest significand kept: a value and its digits cut after this many (with a nonzero
/// digit standing for the rest) round alike, since every point halfway between two doubles has
/// at most 767 significant digits.
const MAX_DIGITS: usize = 800;

/// An unsigned decimal (`12`, `1.5`, `.5`, `5.`, `1e-3`, `2E+8`) as a finite `f64`.
fn magnitude(body: &[u8]) -> Option<f64> {
    let mut digits: Vec<u8> = Vec::new();
    // value = digits × 10^exponent
    let mut exponent: i64 = 0;
    let mut seen_digit = false;
    let mut truncated = false;
    let mut at = 0;
    let mut after_point = false;
    while let Some(&byte) = body.get(at) {
        match byte {
            b'0'..=b'9' => {
                seen_digit = true;
                if after_point {
                    exponent -= 1;
                }
                if digits.is_empty() && byte == b'0' {
                    // A leading zero.
                } else if digits.len() < MAX_DIGITS {
                    digits.push(byte - b'0');
                } else {
                    // Digits beyond the kept ones only scale the value (or mark it inexact).
                    exponent += 1;
                    truncated |= byte != b'0';
                }
            }
            b'.' if !after_point => after_point = true,
            _ => break,
        }
        at += 1;
    }
    if !seen_digit {
        return None;
    }
    if let Some(&marker) = body.get(at) {
        if marker != b'e' && marker != b'E' {
            return None;
        }
        at += 1;
        let (negative, start) = match body.get(at) {
            Some(b'-') => (true, at + 1),
            Some(b'+') => (false, at + 1),
            _ => (false, at),
        };
        let written = body.get(start..).unwrap_or_default();
        if written.is_empty() || !written.iter().all(u8::is_ascii_digit) {
            return None;
        }
        // Saturated as core saturates it (it stops adding digits once past 0xFFFF), so that
        // even absurd inputs mean the same number to both.
        let mut value: i64 = 0;
        for digit in written {
            if value < 0x10000 {
                value = value * 10 + i64::from(digit - b'0');
            }
        }
        exponent += if negative { -value } else { value };
    }
    if truncated {
        digits.push(1);
        exponent -= 1;
    }
    while digits.last() == Some(&0) {
        digits.pop();
        exponent += 1;
    }
    if digits.is_empty() {
        return Some(0.0);
    }
    let count = digits.len() as i64;
    // The value lies in [10^(count - 1 + exponent), 10^(count + exponent)).
    if count - 1 + exponent > 308 {
        return None;
    }
    if count + exponent < -324 {
        // Below 10^-325, under half the smallest subnormal (2^-1075): rounds to zero.
        return Some(0.0);
    }
    if count <= 15 && (-22..=22).contains(&exponent) {
        // Both operands are exact doubles, so IEEE's one rounding is the right one.
        let significand = digits.iter().fold(0_u64, |value, digit| value * 10 + u64::from(*digit)) as f64;
        let scale = (0..exponent.unsigned_abs()).fold(1.0_f64, |power, _| power * 10.0);
        return Some(if exponent < 0 {
            significand / scale
        } else {
            significand * scale
        });
    }
    let mut numerator = Big::from_digits(&digits);
    let mut denominator = Big::one();
    if exponent >= 0 {
        numerator.mul_pow10(exponent.unsigned_abs());
    } else {
        denominator.mul_pow10(exponent.unsigned_abs());
    }
    Some(round_quotient(numerator, denominator)).filter(|value| value.is_finite())
}

/// `numerator / denominator` rounded to the nearest double (ties to even), when finite.
fn round_quotient(numerator: Big, denominator: Big) -> f64 {
    // Find `shift` such that the quotient numerator / (denominator × 2^shift) lies in
    // [2^52, 2^53), or below it at the subnormal floor 2^-1074.
    let mut shift = numerator.bits() as i64 - denominator.bits() as i64 - 53;
    let scaled = |shift: i64| {
        let (mut top, mut bottom) = (numerator.clone(), denominator.clone());
        if shift < 0 {
            top.shl(shift.unsigned_abs());
        } else {
            bottom.shl(shift.unsigned_abs());
        }
        (top, bottom)
    };
    let (mut top, mut bottom) = scaled(shift);
    // The bit-length estimate is off by at most one either way.
    loop {
        let mut floor = bottom.clone();
        floor.shl(52);
        if top.cmp(&floor) == std::cmp::Ordering::Less {
            shift -= 1;
        } else {
            floor.shl(1);
            if top.cmp(&floor) != std::cmp::Ordering::Less {
                shift += 1;
            } else {
                break;
            }
        }
        (top, bottom) = scaled(shift);
    }
    if shift < -1074 {
        shift = -1074;
        (top, bottom) = scaled(shift);
    }
    // Quotient bits, highest first: `top` < bottom × 2^53, so 53 of them.
    let mut divisor = bottom.clone();
    divisor.shl(52);
    let mut significand: u64 = 0;
    for _ in 0..53 {
        significand <<= 1;
        if top.cmp(&divisor) != std::cmp::Ordering::Less {
            top.sub(&divisor);
            significand |= 1;
        }
        top.shl(1);
    }
    // `top` is now the remainder × 2^53, against `divisor` = bottom × 2^52: compares 2 × remainder with bottom.
    match top.cmp(&divisor) {
        std::cmp::Ordering::Greater => significand += 1,
        std::cmp::Ordering::Equal => significand += significand & 1,
        std::cmp::Ordering::Less => {}
    }
    if significand == 1 << 53 {
        significand = 1 << 52;
        shift += 1;
    }
    if shift > 971 {
        return f64::INFINITY;
    }
    if significand < 1 << 52 {
        // Subnormal (shift is -1074): the significand is the bit pattern.
        return f64::from_bits(significand);
    }
    let biased = (shift + 1075) as u64;
    f64::from_bits((biased << 52) | (significand & ((1 << 52) - 1)))
}

/// An unsigned big integer, 32-bit limbs, least significant first, no high zero limbs.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn one() -> Big {
        Big(vec![1])
    }

    fn from_digits(digits: &[u8]) -> Big {
        let mut value = Big(Vec::with_capacity(digits.len() / 9 + 1));
        for chunk in digits.chunks(9) {
            let part = chunk.iter().fold(0_u32, |value, digit| value * 10 + u32::from(*digit));
            value.mul_add(10_u32.pow(chunk.len() as u32), part);
        }
        value
    }

    /// self = self × factor + add.
    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for limb in &mut self.0 {
            let product = u64::from(*limb) * u64::from(factor) + carry;
            *limb = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    fn mul_pow10(&mut self, mut power: u64) {
        while power > 0 {
            let step = power.min(9);
            self.mul_add(10_u32.pow(step as u32), 0);
            power -= step;
        }
    }

    fn bits(&self) -> u64 {
        match self.0.last() {
            Some(top) => (self.0.len() as u64 - 1) * 32 + u64::from(32 - top.leading_zeros()),
            None => 0,
        }
    }

    fn shl(&mut self, bits: u64) {
        let (limbs, rest) = ((bits / 32) as usize, (bits % 32) as u32);
        if rest > 0 {
            let mut carry = 0;
            for limb in &mut self.0 {
                let shifted = (*limb << rest) | carry;
                carry = *limb >> (32 - rest);
                *limb = shifted;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        if limbs > 0 && !self.0.is_empty() {
            self.0.splice(0..0, std::iter::repeat(0).take(limbs));
        }
    }

    fn cmp(&self, other: &Big) -> std::cmp::Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.iter().rev().cmp(other.0.iter().rev()))
    }

    /// self -= other, for other <= self.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0_i64;
        for (index, limb) in self.0.iter_mut().enumerate() {
            let difference = i64::from(*limb) - i64::from(other.0.get(index).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(difference < 0);
            *limb = (difference + (borrow << 32)) as u32;
        }
        while self.0.last() == Some(&0) {
            self.0.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_f64;
    use crate::test_rng::Rng;

    /// What `str::parse` gives, finite results only.
    fn core(text: &str) -> Option<f64> {
        text.parse::<f64>().ok().filter(|value| value.is_finite())
    }

    fn same(text: &str) {
        let (ours, theirs) = (parse_f64(text), core(text));
        assert_eq!(
            ours.map(f64::to_bits),
            theirs.map(f64::to_bits),
            "{text:?}: {ours:?} vs {theirs:?}"
        );
    }

    #[test]
    fn reads_the_syntax_core_reads() {
        for text in [
            "",
            "+",
            "-",
            ".",
            "e",
            "e5",
            "1e",
            "1e+",
            "1e-",
            "+.",
            "-.e1",
            "1..2",
            "1.2.3",
            "1e2.5",
            "1e2e3",
            " 1",
            "1 ",
            "0x10",
            "1_000",
            "inf",
            "-inf",
            "+infinity",
            "Infinity",
            "NaN",
            "nan",
            "-nan",
            "infinit",
            "1f",
            "0",
            "-0",
            "+0",
            "0.",
            ".0",
            "00.00e-00",
            "1.",
            ".5",
            "-.5e-1",
            "5E+3",
            "+5e3",
            "1e0400",
            "1e-0400",
            "0e99999999999999999999",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "٣",
            "1\u{0}",
        ] {
            same(text);
        }
        let mut rng = Rng::new(0x1234_5678);
        let alphabet = b"0123456789.eE+-0019.e";
        for _ in 0..200_000 {
            let length = rng.below(12);
            let text: String = (0..length)
                .map(|_| char::from(alphabet[rng.below(alphabet.len())]))
                .collect();
            same(&text);
        }
    }

    #[test]
    fn rounds_as_core_rounds() {
        for text in [
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "4.9406564584124654e-324",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
            "2.2250738585072014e-308",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791",
            "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
            "9007199254740993",
            "9007199254740992.5",
            "9007199254740993.0000000000000000000000000000000000001",
            "0.1",
            "0.30000000000000004",
            "123456789012345678901234567890",
            "1e23",
            "8.41e21",
            "4.9e-324",
            "1e-400",
        ] {
            same(text);
        }
        let mut rng = Rng::new(0x9e37_79b9);
        // Decimals of every size and scale.
        for _ in 0..100_000 {
            let digits: String = (0..1 + rng.below(40))
                .map(|_| char::from(b'0' + rng.below(10) as u8))
                .collect();
            let exponent = rng.below(800) as i64 - 400;
            same(&format!("{digits}e{exponent}"));
            let point = rng.below(digits.len() + 1);
            same(&format!("{}.{}", &digits[..point], &digits[point..]));
        }
        // Exactly halfway between two doubles, and a hair either side: (2m + 1) × 2^(e - 1)
        // written out exactly, as an integer (e >= 1) or as a fraction of a power of two.
        for _ in 0..100_000 {
            let significand = (1_u128 << 52) | u128::from(rng.next() >> 12);
            let odd = 2 * significand + 1;
            let text = if rng.below(2) == 0 {
                let exponent = rng.below(74) as u32;
                (odd << exponent).to_string()
            } else {
                let places = 1 + rng.below(22) as u32;
                let exact = odd * 5_u128.pow(places + 1);
                let digits = exact.to_string();
                let split = digits.len() - (places + 1) as usize;
                format!("{}.{}", &digits[..split], &digits[split..])
            };
            same(&text);
            same(&format!("{text}0000000000000000000000000001"));
            let below = text.trim_end_matches(['5', '0']);
            same(below);
        }
        // Long inputs: past the kept digits.
        let long = "1".repeat(2_000);
        same(&long);
        same(&format!("0.{}", "0".repeat(1_000) + &long));
        same(&format!("{long}e-2100"));
        same(&format!("4.{}e-324", "9".repeat(1_000)));
        same("2.4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081799618989828234772285886546332835517796989819938739800539093906315035659515570226392290858392449105184435931802849936536152500319370457678249219365623669863658480757001585769269903706311928279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599470454020828166226237857393450736339007967761930577506740176324673600968951340535537458516661134223766678604162159680461914467291840300530057530849048765391711386591646239524912623653881879636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125e-324");
    }
}
