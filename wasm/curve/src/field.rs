//! Arithmetic in GF(p), p = 2^255 - 19, in radix 2^25.5: ten signed limbs of 26, 25, 26, 25, ...
//! bits, so limb i sits at bit ceil(25.5 i). A product of two limbs fits an i64 (wasm32 has a
//! native 64-bit multiply; a 128-bit product would lower to a slow libcall), and 2^255 = 19 mod p
//! folds the upper half of a product back into the lower limbs.
//!
//! Bounds: a carried value (what `mul`, `sq` and `reduce` return) has limbs below 2^26 (even
//! limbs) and 2^25 (odd ones), plus a few bits in limb 1. Say an input is "a-fold" when its limbs
//! are at most a times those; sums and differences add the folds. A column of `mul` is at most
//! f g (2^52 + 4 * 19 * 2^52 + 5 * 2 * 19 * 2^50) < f g 2^59, so any inputs with f g < 16 keep
//! every column below 2^63. The point formulas multiply at most a 3-fold by a 4-fold value.

#[derive(Clone, Copy)]
pub struct Fe(pub [i32; 10]);

pub const ZERO: Fe = Fe([0; 10]);
pub const ONE: Fe = Fe([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

/// Bit width of limb i.
const fn width(i: usize) -> u32 {
    if i % 2 == 0 {
        26
    } else {
        25
    }
}

/// Carries a column vector into limbs with floor division, folding the carry out of the top
/// limb back into limb 0 times 19.
#[inline(always)]
fn carry(mut c: [i64; 10]) -> Fe {
    let mut i = 0;
    while i < 9 {
        let w = width(i);
        let k = c[i] >> w;
        c[i] -= k << w;
        c[i + 1] += k;
        i += 1;
    }
    let k = c[9] >> 25;
    c[9] -= k << 25;
    c[0] += 19 * k;
    let k = c[0] >> 26;
    c[0] -= k << 26;
    c[1] += k;
    Fe([
        c[0] as i32, c[1] as i32, c[2] as i32, c[3] as i32, c[4] as i32, c[5] as i32, c[6] as i32,
        c[7] as i32, c[8] as i32, c[9] as i32,
    ])
}

impl Fe {
    #[inline(always)]
    pub fn add(&self, g: &Fe) -> Fe {
        let mut h = [0i32; 10];
        for i in 0..10 {
            h[i] = self.0[i] + g.0[i];
        }
        Fe(h)
    }

    #[inline(always)]
    pub fn sub(&self, g: &Fe) -> Fe {
        let mut h = [0i32; 10];
        for i in 0..10 {
            h[i] = self.0[i] - g.0[i];
        }
        Fe(h)
    }

    #[inline(always)]
    pub fn neg(&self) -> Fe {
        ZERO.sub(self)
    }

    /// Carries an n-fold value back to a carried one.
    #[inline(always)]
    pub fn reduce(&self) -> Fe {
        let mut c = [0i64; 10];
        for i in 0..10 {
            c[i] = self.0[i] as i64;
        }
        carry(c)
    }

    pub fn mul(&self, g: &Fe) -> Fe {
        let f = self;
    let f = [f.0[0] as i64, f.0[1] as i64, f.0[2] as i64, f.0[3] as i64, f.0[4] as i64, f.0[5] as i64, f.0[6] as i64, f.0[7] as i64, f.0[8] as i64, f.0[9] as i64];
    let g = [g.0[0] as i64, g.0[1] as i64, g.0[2] as i64, g.0[3] as i64, g.0[4] as i64, g.0[5] as i64, g.0[6] as i64, g.0[7] as i64, g.0[8] as i64, g.0[9] as i64];
    let g19 = [0, 19 * g[1], 19 * g[2], 19 * g[3], 19 * g[4], 19 * g[5], 19 * g[6], 19 * g[7], 19 * g[8], 19 * g[9]];
    let f2 = [0, 2 * f[1], 0, 2 * f[3], 0, 2 * f[5], 0, 2 * f[7], 0, 2 * f[9]];
    let c0 = f[0] * g[0] + f2[1] * g19[9] + f[2] * g19[8] + f2[3] * g19[7] + f[4] * g19[6] + f2[5] * g19[5] + f[6] * g19[4] + f2[7] * g19[3] + f[8] * g19[2] + f2[9] * g19[1];
    let c1 = f[0] * g[1] + f[1] * g[0] + f[2] * g19[9] + f[3] * g19[8] + f[4] * g19[7] + f[5] * g19[6] + f[6] * g19[5] + f[7] * g19[4] + f[8] * g19[3] + f[9] * g19[2];
    let c2 = f[0] * g[2] + f2[1] * g[1] + f[2] * g[0] + f2[3] * g19[9] + f[4] * g19[8] + f2[5] * g19[7] + f[6] * g19[6] + f2[7] * g19[5] + f[8] * g19[4] + f2[9] * g19[3];
    let c3 = f[0] * g[3] + f[1] * g[2] + f[2] * g[1] + f[3] * g[0] + f[4] * g19[9] + f[5] * g19[8] + f[6] * g19[7] + f[7] * g19[6] + f[8] * g19[5] + f[9] * g19[4];
    let c4 = f[0] * g[4] + f2[1] * g[3] + f[2] * g[2] + f2[3] * g[1] + f[4] * g[0] + f2[5] * g19[9] + f[6] * g19[8] + f2[7] * g19[7] + f[8] * g19[6] + f2[9] * g19[5];
    let c5 = f[0] * g[5] + f[1] * g[4] + f[2] * g[3] + f[3] * g[2] + f[4] * g[1] + f[5] * g[0] + f[6] * g19[9] + f[7] * g19[8] + f[8] * g19[7] + f[9] * g19[6];
    let c6 = f[0] * g[6] + f2[1] * g[5] + f[2] * g[4] + f2[3] * g[3] + f[4] * g[2] + f2[5] * g[1] + f[6] * g[0] + f2[7] * g19[9] + f[8] * g19[8] + f2[9] * g19[7];
    let c7 = f[0] * g[7] + f[1] * g[6] + f[2] * g[5] + f[3] * g[4] + f[4] * g[3] + f[5] * g[2] + f[6] * g[1] + f[7] * g[0] + f[8] * g19[9] + f[9] * g19[8];
    let c8 = f[0] * g[8] + f2[1] * g[7] + f[2] * g[6] + f2[3] * g[5] + f[4] * g[4] + f2[5] * g[3] + f[6] * g[2] + f2[7] * g[1] + f[8] * g[0] + f2[9] * g19[9];
    let c9 = f[0] * g[9] + f[1] * g[8] + f[2] * g[7] + f[3] * g[6] + f[4] * g[5] + f[5] * g[4] + f[6] * g[3] + f[7] * g[2] + f[8] * g[1] + f[9] * g[0];
    carry([c0, c1, c2, c3, c4, c5, c6, c7, c8, c9])
    }

    pub fn sq(&self) -> Fe {
        let f = self;
    let f = [f.0[0] as i64, f.0[1] as i64, f.0[2] as i64, f.0[3] as i64, f.0[4] as i64, f.0[5] as i64, f.0[6] as i64, f.0[7] as i64, f.0[8] as i64, f.0[9] as i64];
    let c0 = f[0] * f[0] + f[1] * (f[9] * 76) + f[2] * (f[8] * 38) + f[3] * (f[7] * 76) + f[4] * (f[6] * 38) + f[5] * (f[5] * 38);
    let c1 = f[0] * (f[1] * 2) + f[2] * (f[9] * 38) + f[3] * (f[8] * 38) + f[4] * (f[7] * 38) + f[5] * (f[6] * 38);
    let c2 = f[0] * (f[2] * 2) + f[1] * (f[1] * 2) + f[3] * (f[9] * 76) + f[4] * (f[8] * 38) + f[5] * (f[7] * 76) + f[6] * (f[6] * 19);
    let c3 = f[0] * (f[3] * 2) + f[1] * (f[2] * 2) + f[4] * (f[9] * 38) + f[5] * (f[8] * 38) + f[6] * (f[7] * 38);
    let c4 = f[0] * (f[4] * 2) + f[1] * (f[3] * 4) + f[2] * f[2] + f[5] * (f[9] * 76) + f[6] * (f[8] * 38) + f[7] * (f[7] * 38);
    let c5 = f[0] * (f[5] * 2) + f[1] * (f[4] * 2) + f[2] * (f[3] * 2) + f[6] * (f[9] * 38) + f[7] * (f[8] * 38);
    let c6 = f[0] * (f[6] * 2) + f[1] * (f[5] * 4) + f[2] * (f[4] * 2) + f[3] * (f[3] * 2) + f[7] * (f[9] * 76) + f[8] * (f[8] * 19);
    let c7 = f[0] * (f[7] * 2) + f[1] * (f[6] * 2) + f[2] * (f[5] * 2) + f[3] * (f[4] * 2) + f[8] * (f[9] * 38);
    let c8 = f[0] * (f[8] * 2) + f[1] * (f[7] * 4) + f[2] * (f[6] * 2) + f[3] * (f[5] * 4) + f[4] * f[4] + f[9] * (f[9] * 38);
    let c9 = f[0] * (f[9] * 2) + f[1] * (f[8] * 2) + f[2] * (f[7] * 2) + f[3] * (f[6] * 2) + f[4] * (f[5] * 2);
    carry([c0, c1, c2, c3, c4, c5, c6, c7, c8, c9])
    }

    /// self^(2^n)
    pub fn sq_n(&self, n: u32) -> Fe {
        let mut t = self.sq();
        let mut i = 1;
        while i < n {
            t = t.sq();
            i += 1;
        }
        t
    }

    /// (self^(2^250 - 1), self^11): the shared head of the inversion and square-root chains.
    fn pow_2_250_1(&self) -> (Fe, Fe) {
        let z2 = self.sq();
        let z9 = z2.sq_n(2).mul(self);
        let z11 = z9.mul(&z2);
        let e5 = z11.sq().mul(&z9); // 2^5 - 1
        let e10 = e5.sq_n(5).mul(&e5);
        let e20 = e10.sq_n(10).mul(&e10);
        let e40 = e20.sq_n(20).mul(&e20);
        let e50 = e40.sq_n(10).mul(&e10);
        let e100 = e50.sq_n(50).mul(&e50);
        let e200 = e100.sq_n(100).mul(&e100);
        let e250 = e200.sq_n(50).mul(&e50);
        (e250, z11)
    }

    /// self^(p - 2) = 1/self (0 for 0).
    pub fn invert(&self) -> Fe {
        let (e250, z11) = self.pow_2_250_1();
        e250.sq_n(5).mul(&z11) // (2^250 - 1) 2^5 + 11 = p - 2
    }

    /// self^((p - 5) / 8) = self^(2^252 - 3).
    pub fn pow_p58(&self) -> Fe {
        let (e250, _) = self.pow_2_250_1();
        e250.sq_n(2).mul(self)
    }

    /// The canonical 32-byte little-endian encoding (value reduced below p).
    pub fn to_bytes(&self) -> [u8; 32] {
        let mut h = [0i64; 10];
        for i in 0..10 {
            h[i] = self.0[i] as i64;
        }
        // Three floor-carry passes leave every limb in [0, 2^width) and the value in [0, 2^255).
        for _ in 0..3 {
            for i in 0..9 {
                let w = width(i);
                let k = h[i] >> w;
                h[i] -= k << w;
                h[i + 1] += k;
            }
            let k = h[9] >> 25;
            h[9] -= k << 25;
            h[0] += 19 * k;
        }
        // value >= p iff value + 19 >= 2^255: then add 19 and drop bit 255.
        let mut q = (h[0] + 19) >> 26;
        for i in 1..10 {
            q = (h[i] + q) >> width(i);
        }
        h[0] += 19 * q;
        for i in 0..9 {
            let w = width(i);
            let k = h[i] >> w;
            h[i] -= k << w;
            h[i + 1] += k;
        }
        h[9] &= (1 << 25) - 1;
        let mut out = [0u8; 32];
        let mut acc: u64 = 0;
        let mut bits = 0u32;
        let mut o = 0;
        for i in 0..10 {
            acc |= (h[i] as u64) << bits;
            bits += width(i);
            while bits >= 8 {
                out[o] = acc as u8;
                o += 1;
                acc >>= 8;
                bits -= 8;
            }
        }
        out[31] = acc as u8 | out[31];
        out
    }

    /// Loads bits 0..255 of a little-endian encoding (bit 255 ignored; values up to 2^255 - 1
    /// are accepted, callers that need canonical input check `is_canonical` first).
    pub fn from_bytes(b: &[u8; 32]) -> Fe {
        let mut h = [0i32; 10];
        let mut acc: u64 = 0;
        let mut bits = 0u32;
        let mut byte = 0;
        for i in 0..10 {
            let w = width(i);
            while bits < w && byte < 32 {
                let v = if byte == 31 { b[31] & 0x7f } else { b[byte] };
                acc |= (v as u64) << bits;
                bits += 8;
                byte += 1;
            }
            h[i] = (acc & ((1u64 << w) - 1)) as i32;
            acc >>= w;
            bits -= w;
        }
        Fe(h)
    }

    pub fn is_zero(&self) -> bool {
        self.to_bytes() == [0u8; 32]
    }

    /// sgn0 of RFC 9380 §4.1 for p = 1 mod 2, equal to the "negative" bit of RFC 8032.
    pub fn is_odd(&self) -> bool {
        self.to_bytes()[0] & 1 == 1
    }

    pub fn equals(&self, g: &Fe) -> bool {
        self.to_bytes() == g.to_bytes()
    }
}

/// Whether a 32-byte little-endian field encoding (bit 255 ignored) is below p.
pub fn is_canonical(b: &[u8; 32]) -> bool {
    // p = 2^255 - 19 is 0xed, 0xff x 30, 0x7f in little-endian bytes.
    if b[31] & 0x7f != 0x7f {
        return true;
    }
    for i in 1..31 {
        if b[i] != 0xff {
            return true;
        }
    }
    b[0] < 0xed
}
