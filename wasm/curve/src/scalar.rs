//! Integers mod L = 2^252 + c (c = 27742317777372353535851937790883648493, 125 bits), the group
//! order: RFC 8032's r, k and S = r + k a, RFC 9381's nonce and s = k + c x. Values are 32-bit
//! little-endian words; reduction feeds one word at a time into a remainder below L. No branch or
//! loop bound depends on a value, since a and x are secret keys and r and k secret nonces.

/// c = L - 2^252.
const C: [u32; 4] = [0x5cf5d3ed, 0x5812631a, 0xa2f79cd6, 0x14def9de];
const L: [u32; 8] = [0x5cf5d3ed, 0x5812631a, 0xa2f79cd6, 0x14def9de, 0, 0, 0, 0x10000000];

/// x mod L for any number of words (most significant last).
pub fn reduce(x: &[u32]) -> [u32; 8] {
    let mut r = [0u32; 8];
    let mut i = x.len();
    while i > 0 {
        i -= 1;
        // t = r 2^32 + x[i] < L 2^32 < 2^285. Write t = q 2^252 + t_lo; since 2^252 = L - c,
        // t = q L + (t_lo - q c), and 0 <= t_lo < L, 0 <= q c < 2^33 c < L, so the remainder is
        // t_lo - q c, plus L once if that is negative.
        let q = ((r[7] as u64) << 4) | (r[6] >> 28) as u64;
        let mut t = [0u32; 8];
        t[0] = x[i];
        t[1..8].copy_from_slice(&r[0..7]);
        t[7] &= 0x0fff_ffff;
        // q c as six words (q < 2^36: low word and the rest).
        let mut qc = [0u64; 6];
        let (q0, q1) = (q & 0xffff_ffff, q >> 32);
        let mut carry = 0u64;
        for j in 0..4 {
            let v = q0 * C[j] as u64 + carry;
            qc[j] = v & 0xffff_ffff;
            carry = v >> 32;
        }
        qc[4] = carry;
        carry = 0;
        for j in 0..4 {
            let v = qc[j + 1] + q1 * C[j] as u64 + carry;
            qc[j + 1] = v & 0xffff_ffff;
            carry = v >> 32;
        }
        qc[5] = carry;
        let mut borrow = 0i64;
        for j in 0..8 {
            let sub = if j < 6 { qc[j] as i64 } else { 0 };
            let v = t[j] as i64 - sub + borrow;
            t[j] = v as u32;
            borrow = v >> 32;
        }
        // Add L when negative, through a mask: the scalars here include secret keys and nonces.
        let mask = borrow as u32; // all ones or zero
        let mut carry = 0u64;
        for j in 0..8 {
            let v = t[j] as u64 + (L[j] & mask) as u64 + carry;
            t[j] = v as u32;
            carry = v >> 32;
        }
        r = t;
    }
    r
}

pub fn from_bytes<const W: usize>(b: &[u8]) -> [u32; W] {
    let mut w = [0u32; W];
    for i in 0..W {
        w[i] = u32::from_le_bytes([b[4 * i], b[4 * i + 1], b[4 * i + 2], b[4 * i + 3]]);
    }
    w
}

pub fn to_bytes(w: &[u32; 8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    for i in 0..8 {
        out[4 * i..4 * i + 4].copy_from_slice(&w[i].to_le_bytes());
    }
    out
}

/// (a b + c) mod L for 256-bit a, b, c.
pub fn mul_add(a: &[u32; 8], b: &[u32; 8], c: &[u32; 8]) -> [u32; 8] {
    let mut p = [0u64; 17];
    for i in 0..8 {
        p[i] += c[i] as u64;
    }
    for i in 0..8 {
        let mut carry = 0u64;
        for j in 0..8 {
            // p[i + j] < 2^32 before, product < 2^64 - 2^33 + 1: the sum fits a u64.
            let v = p[i + j] + a[i] as u64 * b[j] as u64 + carry;
            p[i + j] = v & 0xffff_ffff;
            carry = v >> 32;
        }
        // Propagate through every higher word, not until the carry dies out (constant time).
        for k in i + 8..17 {
            let v = p[k] + carry;
            p[k] = v & 0xffff_ffff;
            carry = v >> 32;
        }
    }
    let mut w = [0u32; 17];
    for i in 0..17 {
        w[i] = p[i] as u32;
    }
    reduce(&w)
}
