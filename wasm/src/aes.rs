//! AES-128 (FIPS-197) with 32-bit T-tables, for the proving scan (post-poet.md §2.3). Speed over
//! constant time: the labels and keys it sees are public once a proof is published.
use core::arch::wasm32::*;

struct Tables {
    sbox: [u8; 256],
    /// T0..T3: the column tables, each the previous rotated by one byte (16 KiB, fits L1).
    t: [[u32; 256]; 4],
}

static mut TABLES: Tables = Tables { sbox: [0; 256], t: [[0; 256]; 4] };
static mut READY: bool = false;

fn xtime(x: u8) -> u8 {
    (x << 1) ^ if x & 0x80 != 0 { 0x1b } else { 0 }
}

/// Builds the S-box by walking GF(2^8)* with generator 3 and its inverse together, then the
/// round tables: T0[x] = (2·S(x), S(x), S(x), 3·S(x)) as a little-endian column, Ti = T0 rotated.
fn tables() -> &'static Tables {
    unsafe {
        if !READY {
            let t = &mut TABLES;
            t.sbox[0] = 0x63;
            let mut p: u8 = 1;
            let mut q: u8 = 1;
            loop {
                p ^= xtime(p); // p · 3
                q ^= q << 1; // q / 3
                q ^= q << 2;
                q ^= q << 4;
                if q & 0x80 != 0 {
                    q ^= 0x09;
                }
                let affine =
                    q ^ q.rotate_left(1) ^ q.rotate_left(2) ^ q.rotate_left(3) ^ q.rotate_left(4);
                t.sbox[p as usize] = affine ^ 0x63;
                if p == 1 {
                    break;
                }
            }
            for x in 0..256 {
                let s = t.sbox[x];
                let s2 = xtime(s);
                let s3 = s2 ^ s;
                let t0 = u32::from_le_bytes([s2, s, s, s3]);
                for i in 0..4 {
                    t.t[i][x] = t0.rotate_left(8 * i as u32);
                }
            }
            READY = true;
        }
        &TABLES
    }
}

struct Key {
    round: [[u32; 4]; 11],
}

fn expand(key: &[u8; 16]) -> Key {
    let t = tables();
    let mut w = [0u32; 44];
    for i in 0..4 {
        w[i] = u32::from_le_bytes([key[4 * i], key[4 * i + 1], key[4 * i + 2], key[4 * i + 3]]);
    }
    let mut rcon: u8 = 1;
    for i in 4..44 {
        let mut tmp = w[i - 1];
        if i % 4 == 0 {
            // RotWord then SubWord, then Rcon on the first byte.
            tmp = tmp.rotate_right(8);
            let b = tmp.to_le_bytes();
            tmp = u32::from_le_bytes([
                t.sbox[b[0] as usize],
                t.sbox[b[1] as usize],
                t.sbox[b[2] as usize],
                t.sbox[b[3] as usize],
            ]) ^ rcon as u32;
            rcon = xtime(rcon);
        }
        w[i] = w[i - 4] ^ tmp;
    }
    let mut round = [[0u32; 4]; 11];
    for r in 0..11 {
        round[r].copy_from_slice(&w[4 * r..4 * r + 4]);
    }
    Key { round }
}

#[inline(always)]
fn byte(w: u32, r: u32) -> usize {
    ((w >> (8 * r)) & 0xff) as usize
}

/// One block; the state is four little-endian columns (byte r of column c = row r).
#[inline(always)]
fn encrypt(key: &Key, block: &[u8; 16], t: &Tables) -> [u8; 16] {
    let mut s = [0u32; 4];
    for c in 0..4 {
        s[c] = u32::from_le_bytes([block[4 * c], block[4 * c + 1], block[4 * c + 2], block[4 * c + 3]])
            ^ key.round[0][c];
    }
    for r in 1..10 {
        let mut n = [0u32; 4];
        for c in 0..4 {
            // ShiftRows: row i of the new column c comes from column c + i.
            n[c] = t.t[0][byte(s[c], 0)]
                ^ t.t[1][byte(s[(c + 1) & 3], 1)]
                ^ t.t[2][byte(s[(c + 2) & 3], 2)]
                ^ t.t[3][byte(s[(c + 3) & 3], 3)]
                ^ key.round[r][c];
        }
        s = n;
    }
    let mut out = [0u8; 16];
    for c in 0..4 {
        let w = u32::from_le_bytes([
            t.sbox[byte(s[c], 0)],
            t.sbox[byte(s[(c + 1) & 3], 1)],
            t.sbox[byte(s[(c + 2) & 3], 2)],
            t.sbox[byte(s[(c + 3) & 3], 3)],
        ]) ^ key.round[10][c];
        out[4 * c..4 * c + 4].copy_from_slice(&w.to_le_bytes());
    }
    out
}

/// AES-128 of one block; exported for tests.
#[no_mangle]
pub unsafe extern "C" fn aes_encrypt(key: *const u8, block: *const u8, out: *mut u8) {
    let k = expand(&*(key as *const [u8; 16]));
    let o = encrypt(&k, &*(block as *const [u8; 16]), tables());
    core::ptr::copy_nonoverlapping(o.as_ptr(), out, 16);
}

/// Encrypts `count` 16-byte labels under `key` and writes one u32 per output byte j with
/// out[j] <= msb: `(label << 5) | (j << 1) | (out[j] == msb)`. `hits` needs room for 16 × count.
/// Returns the number of hits. Labels must number fewer than 2^27.
#[no_mangle]
pub unsafe extern "C" fn aes_scan(
    key: *const u8,
    labels: *const u8,
    count: u32,
    msb: u32,
    hits: *mut u32,
) -> u32 {
    let k = expand(&*(key as *const [u8; 16]));
    let t = tables();
    let bar = u8x16_splat(msb as u8);
    let mut found: u32 = 0;
    for i in 0..count {
        let o = encrypt(&k, &*(labels.add(16 * i as usize) as *const [u8; 16]), t);
        let v = v128_load(o.as_ptr() as *const v128);
        let mut below = u8x16_bitmask(u8x16_le(v, bar)) as u32;
        if below == 0 {
            continue;
        }
        let ties = u8x16_bitmask(i8x16_eq(v, bar)) as u32;
        while below != 0 {
            let j = below.trailing_zeros();
            *hits.add(found as usize) = (i << 5) | (j << 1) | ((ties >> j) & 1);
            found += 1;
            below &= below - 1;
        }
    }
    found
}
