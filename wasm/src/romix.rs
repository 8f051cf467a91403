//! scrypt ROMix (r = 1) with scrypt-jane's ChaCha20/8 block function, K labels interleaved.
//!
//! Each 64-byte block is kept as four v128 rows (words 0–3, 4–7, 8–11, 12–15), so the column
//! quarter-rounds act on whole rows; before the diagonal quarter-rounds rows 1–3 are rotated by
//! 1–3 lanes and afterwards rotated back. The quarter-round is a serial chain of dependent
//! operations, so K independent labels run in lock-step to give the CPU parallel work.
//! Rotations by 16 and 8 bits are byte swizzles; by 12 and 7, shift–shift–or.
use core::arch::wasm32::*;

/// One label's 128-byte chunk: block 0 in rows 0–3, block 1 in rows 4–7.
pub type Chunk = [v128; 8];

#[inline(always)]
fn rotl16(x: v128) -> v128 {
    // A 16-bit rotation of each 32-bit lane is a byte permutation. `i8x16.swizzle` with a
    // constant index vector becomes one pshufb in V8; the immediate `i8x16.shuffle` form of the
    // same permutation measured ~15% slower overall (wasm/README.md).
    i8x16_swizzle(x, i8x16(2, 3, 0, 1, 6, 7, 4, 5, 10, 11, 8, 9, 14, 15, 12, 13))
}

#[inline(always)]
fn rotl8(x: v128) -> v128 {
    i8x16_swizzle(x, i8x16(3, 0, 1, 2, 7, 4, 5, 6, 11, 8, 9, 10, 15, 12, 13, 14))
}

#[inline(always)]
fn rotl12(x: v128) -> v128 {
    v128_or(u32x4_shl(x, 12), u32x4_shr(x, 20))
}

#[inline(always)]
fn rotl7(x: v128) -> v128 {
    v128_or(u32x4_shl(x, 7), u32x4_shr(x, 25))
}

/// Four quarter-rounds at once (one per lane), for each of K states.
#[inline(always)]
fn quarter_rounds<const K: usize>(
    a: &mut [v128; K],
    b: &mut [v128; K],
    c: &mut [v128; K],
    d: &mut [v128; K],
) {
    for k in 0..K {
        a[k] = u32x4_add(a[k], b[k]);
        d[k] = rotl16(v128_xor(d[k], a[k]));
    }
    for k in 0..K {
        c[k] = u32x4_add(c[k], d[k]);
        b[k] = rotl12(v128_xor(b[k], c[k]));
    }
    for k in 0..K {
        a[k] = u32x4_add(a[k], b[k]);
        d[k] = rotl8(v128_xor(d[k], a[k]));
    }
    for k in 0..K {
        c[k] = u32x4_add(c[k], d[k]);
        b[k] = rotl7(v128_xor(b[k], c[k]));
    }
}

/// ChaCha20/8 with feed-forward: the 16 words are the whole state (no constants, key or nonce).
#[inline(always)]
fn chacha8<const K: usize>(x: &mut [[v128; 4]; K]) {
    let mut a = [u32x4_splat(0); K];
    let mut b = a;
    let mut c = a;
    let mut d = a;
    for k in 0..K {
        a[k] = x[k][0];
        b[k] = x[k][1];
        c[k] = x[k][2];
        d[k] = x[k][3];
    }
    for _ in 0..4 {
        quarter_rounds(&mut a, &mut b, &mut c, &mut d);
        for k in 0..K {
            // Diagonals (0,5,10,15) (1,6,11,12) (2,7,8,13) (3,4,9,14) into the lanes.
            b[k] = i32x4_shuffle::<1, 2, 3, 0>(b[k], b[k]);
            c[k] = i32x4_shuffle::<2, 3, 0, 1>(c[k], c[k]);
            d[k] = i32x4_shuffle::<3, 0, 1, 2>(d[k], d[k]);
        }
        quarter_rounds(&mut a, &mut b, &mut c, &mut d);
        for k in 0..K {
            b[k] = i32x4_shuffle::<3, 0, 1, 2>(b[k], b[k]);
            c[k] = i32x4_shuffle::<2, 3, 0, 1>(c[k], c[k]);
            d[k] = i32x4_shuffle::<1, 2, 3, 0>(d[k], d[k]);
        }
    }
    for k in 0..K {
        x[k][0] = u32x4_add(x[k][0], a[k]);
        x[k][1] = u32x4_add(x[k][1], b[k]);
        x[k][2] = u32x4_add(x[k][2], c[k]);
        x[k][3] = u32x4_add(x[k][3], d[k]);
    }
}

/// BlockMix for r = 1: Y0 = H(B1 ^ B0), Y1 = H(Y0 ^ B1), result (Y0, Y1).
#[inline(always)]
fn block_mix<const K: usize>(x: &mut [Chunk; K]) {
    let mut t = [[u32x4_splat(0); 4]; K];
    for k in 0..K {
        for r in 0..4 {
            t[k][r] = v128_xor(x[k][4 + r], x[k][r]);
        }
    }
    chacha8(&mut t);
    for k in 0..K {
        for r in 0..4 {
            x[k][r] = t[k][r];
            t[k][r] = v128_xor(t[k][r], x[k][4 + r]);
        }
    }
    chacha8(&mut t);
    for k in 0..K {
        for r in 0..4 {
            x[k][4 + r] = t[k][r];
        }
    }
}

/// ROMix over K chunks; `v` holds K × n chunks of scratch (label k uses chunks k·n .. k·n + n).
///
/// Safety: `v` must be valid for K × n × 128 bytes, 16-byte aligned; n a power of two.
#[inline(never)]
pub unsafe fn romix<const K: usize>(x: &mut [Chunk; K], v: *mut Chunk, n: usize) {
    // Step 1: V[i] = X; X = BlockMix(X).
    for i in 0..n {
        for k in 0..K {
            *v.add(k * n + i) = x[k];
        }
        block_mix(x);
    }
    // Step 2: j = Integerify(X) mod N (word 0 of the last block); X = BlockMix(X ^ V[j]).
    let mask = n - 1;
    for _ in 0..n {
        for k in 0..K {
            let j = (u32x4_extract_lane::<0>(x[k][4]) as usize) & mask;
            let vj = &*v.add(k * n + j);
            for r in 0..8 {
                x[k][r] = v128_xor(x[k][r], vj[r]);
            }
        }
        block_mix(x);
    }
}
