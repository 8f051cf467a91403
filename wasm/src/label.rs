//! The PoST label batch (post-poet.md §1.1): for each index i, scrypt-jane of the 72-byte password
//! commitment ‖ u64le(i) ‖ 0^32 with an empty salt, r = p = 1; label = first 16 output bytes.
use crate::arena::scratch;
use crate::keccak::pbkdf2;
use crate::romix::{romix, Chunk};
use core::arch::wasm32::*;

/// Labels computed in lock-step; 2–4 hide the quarter-round latency (see wasm/README.md).
const LANES: usize = 4;

struct Best {
    found: bool,
    value: [u8; 32],
    index: u64,
}

unsafe fn run<const K: usize>(
    commitment: &[u8; 32],
    n: usize,
    first: u64,
    out: *mut u8,
    best: &mut Best,
    v: *mut Chunk,
) {
    let mut passwords = [[0u8; 72]; K];
    let mut x = [[u32x4_splat(0); 8]; K];
    for k in 0..K {
        passwords[k][..32].copy_from_slice(commitment);
        passwords[k][32..40].copy_from_slice(&first.wrapping_add(k as u64).to_le_bytes());
        // scrypt step 1: B = PBKDF2(P, "", 1, 128), read as little-endian words (wasm is LE).
        let mut b = [0u8; 128];
        pbkdf2(&passwords[k], &[], &mut b);
        for r in 0..8 {
            x[k][r] = v128_load(b.as_ptr().add(16 * r) as *const v128);
        }
    }
    romix::<K>(&mut x, v, n);
    for k in 0..K {
        let mut b = [0u8; 128];
        for r in 0..8 {
            v128_store(b.as_mut_ptr().add(16 * r) as *mut v128, x[k][r]);
        }
        // scrypt step 3: output = PBKDF2(P, B', 1, 32).
        let mut full = [0u8; 32];
        pbkdf2(&passwords[k], &b, &mut full);
        core::ptr::copy_nonoverlapping(full.as_ptr(), out.add(16 * k), 16);
        // VRF nonce search (§1.3): the smallest full output, compared as big-endian bytes.
        if !best.found || full < best.value {
            best.found = true;
            best.value = full;
            best.index = first.wrapping_add(k as u64);
        }
    }
}

/// Computes `count` labels from index `first` into `out` (16 bytes each) and writes the smallest
/// 32-byte output to `best` (32 bytes) followed by its index as u64le (8 bytes), when count > 0.
/// Returns 0 on success, 1 if `n` is not a power of two in 2..=2^24, 2 if memory cannot grow.
#[no_mangle]
pub unsafe extern "C" fn labels(
    commitment: *const u8,
    n: u32,
    first: u64,
    count: u32,
    out: *mut u8,
    best_out: *mut u8,
) -> u32 {
    if n < 2 || !n.is_power_of_two() || n > 1 << 24 {
        return 1;
    }
    let n = n as usize;
    // Four lanes need 4 × N × 128 bytes; when memory cannot grow that far, run one at a time.
    let mut lanes = if (count as usize) >= LANES { LANES } else { 1 };
    let mut v = scratch(lanes * n * 128);
    if v.is_none() && lanes > 1 {
        lanes = 1;
        v = scratch(n * 128);
    }
    let v = match v {
        Some(p) => p as *mut Chunk,
        None => return 2,
    };
    let mut c = [0u8; 32];
    core::ptr::copy_nonoverlapping(commitment, c.as_mut_ptr(), 32);
    let mut best = Best { found: false, value: [0; 32], index: 0 };
    let mut done: u32 = 0;
    while done < count {
        let index = first.wrapping_add(done as u64);
        let dst = out.add(16 * done as usize);
        if lanes == LANES && count - done >= LANES as u32 {
            run::<LANES>(&c, n, index, dst, &mut best, v);
            done += LANES as u32;
        } else {
            run::<1>(&c, n, index, dst, &mut best, v);
            done += 1;
        }
    }
    if best.found {
        core::ptr::copy_nonoverlapping(best.value.as_ptr(), best_out, 32);
        core::ptr::copy_nonoverlapping(best.index.to_le_bytes().as_ptr(), best_out.add(32), 8);
    }
    0
}
