//! edwards25519 point arithmetic for ed25519 (RFC 8032) and ECVRF-EDWARDS25519-SHA512-ELL2
//! (RFC 9381), called from `src/curve-wasm/instantiateCurveKernel.ts`. Hashing and the scalar
//! arithmetic mod L stay in TypeScript; this module decodes, adds, multiplies and encodes points.
//! See wasm/README.md for the exports.
#![no_std]

mod consts;
mod elligator;
mod field;
mod point;
mod scalar;
mod sha512;

use field::Fe;
use point::{BaseOdd, BaseTable, Constants, Ext, Term};

#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! {
    core::arch::wasm32::unreachable()
}

/// Inputs and outputs: callers write operands here; every pointer argument is an offset into it.
/// Bytes 0..256 hold point and scalar operands and results, 256..1024 chunks of hash input.
static mut IO: [u8; 1024] = [0; 1024];
static mut HASH: sha512::Sha512 = sha512::Sha512::new();
/// The base-point tables: rows of [1..8] 256^k B for fixed-base multiplication with a secret
/// scalar, and the odd multiples up to 127 of B and of 2^128 B for the width-8 NAFs of
/// verification (the second lets ECVRF's [s]B - [c]Y run 128 doublings, c being 128 bits).
struct Tables {
    comb: BaseTable,
    odd: BaseOdd,
    odd128: BaseOdd,
}

static mut TABLES: Option<Tables> = None;

struct Ctx {
    c: Constants,
    base: &'static BaseTable,
    odd: &'static BaseOdd,
    odd128: &'static BaseOdd,
}

fn ctx() -> Ctx {
    let c = point::constants();
    // Single-threaded wasm instance: the tables are built once, by `init` or the first call.
    let t = unsafe {
        if TABLES.is_none() {
            TABLES = Some(Tables {
                comb: point::base_table(&c),
                odd: point::base_odd(&c, 0),
                odd128: point::base_odd(&c, 128),
            });
        }
        match &TABLES {
            Some(t) => t,
            None => core::arch::wasm32::unreachable(),
        }
    };
    Ctx { c, base: &t.comb, odd: &t.odd, odd128: &t.odd128 }
}

fn read32(ptr: usize) -> [u8; 32] {
    let mut out = [0u8; 32];
    unsafe {
        out.copy_from_slice(&IO[ptr..ptr + 32]);
    }
    out
}

fn write32(ptr: usize, b: &[u8; 32]) {
    unsafe {
        IO[ptr..ptr + 32].copy_from_slice(b);
    }
}

/// Whether a 32-byte little-endian scalar is below L.
fn below_l(s: &[u8; 32]) -> bool {
    let mut i = 32;
    while i > 0 {
        i -= 1;
        if s[i] != consts::L[i] {
            return s[i] < consts::L[i];
        }
    }
    false
}

fn below_2_255(s: &[u8; 32]) -> bool {
    s[31] < 0x80
}

/// Address of the 1024-byte I/O area.
#[no_mangle]
pub extern "C" fn io() -> *mut u8 {
    unsafe { IO.as_mut_ptr() }
}

/// Builds the base-point table (otherwise built by the first call that needs it).
#[no_mangle]
pub extern "C" fn init() {
    let _ = ctx();
}

/// [s]B → out. rc 0 ok, 1 s ≥ 2^255.
#[no_mangle]
pub extern "C" fn base_mul(s: usize, out: usize) -> i32 {
    let x = ctx();
    let s = read32(s);
    if !below_2_255(&s) {
        return 1;
    }
    write32(out, &point::mul_base(x.base, &s).encode());
    0
}

/// [a]B ‖ [b]B → out (64 bytes), sharing the inversion of the encoding. rc 1 if a or b ≥ 2^255.
#[no_mangle]
pub extern "C" fn base_mul2(a: usize, b: usize, out: usize) -> i32 {
    let x = ctx();
    let a = read32(a);
    let b = read32(b);
    if !below_2_255(&a) || !below_2_255(&b) {
        return 1;
    }
    let [pa, pb] = Ext::encode_all(&[point::mul_base(x.base, &a), point::mul_base(x.base, &b)]);
    write32(out, &pa);
    write32(out + 32, &pb);
    0
}

/// Strict cofactored ed25519 verification equation (curve25519-voi's VerifyOptionsDefault):
/// canonical A and R, A not of small order, s < L, [8]([s]B - R - [k]A) = 0. k < 2^255 is
/// SHA-512(R ‖ A ‖ M) mod L. 1 valid, 0 not.
#[no_mangle]
pub extern "C" fn ed25519_verify(a: usize, r: usize, s: usize, k: usize) -> i32 {
    let x = ctx();
    let s = read32(s);
    let k = read32(k);
    if !below_l(&s) || !below_2_255(&k) {
        return 0;
    }
    let a = match Ext::decode(&read32(a), &x.c) {
        Some(p) => p,
        None => return 0,
    };
    let r = match Ext::decode(&read32(r), &x.c) {
        Some(p) => p,
        None => return 0,
    };
    if a.is_small_order() {
        return 0;
    }
    // [s]B + [k](-A), then - R; every input is public, so variable time is fine.
    let ns = point::wnaf(&s, 8);
    let nk = point::wnaf(&k, 5);
    let ta = point::odd_table(&a.neg(), &x.c);
    let sb_ka = point::straus_vartime(&[
        Term { naf: &ns, table: x.odd, affine: true },
        Term { naf: &nk, table: &ta, affine: false },
    ]);
    sb_ka.sub(&r.to_cached(&x.c)).mul_by_cofactor().is_identity() as i32
}

/// ECVRF prove point work (RFC 9381 §5.1 steps 2-6): H = map_to_curve(u) with the cofactor
/// cleared, Gamma = [x]H, the nonce k = SHA-512(prefix ‖ H) mod L (§5.4.2.2), [k]B and [k]H.
/// out (at offset `out`, 160 bytes) = H ‖ Gamma ‖ k ‖ [k]B ‖ [k]H. rc 0 ok, 1 u not below p or
/// x ≥ 2^255.
#[no_mangle]
pub extern "C" fn vrf_prove(xs: usize, prefix: usize, u: usize, out: usize) -> i32 {
    let x = ctx();
    let s = read32(xs);
    let prefix = read32(prefix);
    let u = read32(u);
    if !below_2_255(&s) || u[31] >= 0x80 || !field::is_canonical(&u) {
        return 1;
    }
    let h = elligator::map_to_curve(&Fe::from_bytes(&u), &x.c);
    let hb = h.encode();
    let mut hash = sha512::Sha512::new();
    hash.update(&prefix);
    hash.update(&hb);
    let k = scalar::to_bytes(&scalar::reduce(&scalar::from_bytes::<16>(&hash.finish())));
    // Both secret multiples of H share H's split tables.
    let t = point::split(&h, &x.c);
    let [gb, kb, khb] =
        Ext::encode_all(&[point::mul_split(&t, &s), point::mul_base(x.base, &k), point::mul_split(&t, &k)]);
    write32(out, &hb);
    write32(out + 32, &gb);
    write32(out + 64, &k);
    write32(out + 96, &kb);
    write32(out + 128, &khb);
    0
}

/// ECVRF verify point work (RFC 9381 §5.3 steps 4-7 with voi's checks): canonical pk and Gamma,
/// pk not of small order, s < L; H = map_to_curve(u), U = [s]B - [c]Y, V = [s]H - [c]Gamma.
/// `c` is 32 bytes (the 16-byte challenge zero-extended). out = H ‖ U ‖ V; 1 ok, 0 invalid.
#[no_mangle]
pub extern "C" fn vrf_verify(pk: usize, gamma: usize, c: usize, s: usize, u: usize, out: usize) -> i32 {
    let x = ctx();
    let s = read32(s);
    let ch = read32(c);
    let u = read32(u);
    if !below_l(&s) || !below_2_255(&ch) || u[31] >= 0x80 || !field::is_canonical(&u) {
        return 0;
    }
    let y = match Ext::decode(&read32(pk), &x.c) {
        Some(p) => p,
        None => return 0,
    };
    if y.is_small_order() {
        return 0;
    }
    let g = match Ext::decode(&read32(gamma), &x.c) {
        Some(p) => p,
        None => return 0,
    };
    let h = elligator::map_to_curve(&Fe::from_bytes(&u), &x.c);
    // Public inputs: variable-time Straus sums.
    // s = s_lo + 2^128 s_hi, so U = [s_lo]B + [s_hi](2^128 B) - [c]Y has 128-bit scalars only.
    let mut s_lo = [0u8; 32];
    let mut s_hi = [0u8; 32];
    s_lo[..16].copy_from_slice(&s[..16]);
    s_hi[..16].copy_from_slice(&s[16..]);
    let ns_lo = point::wnaf(&s_lo, 8);
    let ns_hi = point::wnaf(&s_hi, 8);
    let ns5 = point::wnaf(&s, 5);
    let nc = point::wnaf(&ch, 5);
    let ty = point::odd_table(&y.neg(), &x.c);
    let th = point::odd_table(&h, &x.c);
    let tg = point::odd_table(&g.neg(), &x.c);
    let uu = point::straus_vartime(&[
        Term { naf: &ns_lo, table: x.odd, affine: true },
        Term { naf: &ns_hi, table: x.odd128, affine: true },
        Term { naf: &nc, table: &ty, affine: false },
    ]);
    let vv = point::straus_vartime(&[
        Term { naf: &ns5, table: &th, affine: false },
        Term { naf: &nc, table: &tg, affine: false },
    ]);
    let [hb, ub, vb] = Ext::encode_all(&[h, uu, vv]);
    write32(out, &hb);
    write32(out + 32, &ub);
    write32(out + 64, &vb);
    1
}

/// [8]P of a canonical encoding (ECVRF_proof_to_hash's cofactor multiple). rc 0 ok, 1 bad P.
#[no_mangle]
pub extern "C" fn mul_cofactor(p: usize, out: usize) -> i32 {
    let x = ctx();
    match Ext::decode(&read32(p), &x.c) {
        Some(q) => {
            write32(out, &q.mul_by_cofactor().encode());
            0
        }
        None => 1,
    }
}

/// Starts a SHA-512.
#[no_mangle]
pub extern "C" fn sha512_reset() {
    unsafe {
        HASH = sha512::Sha512::new();
    }
}

/// Feeds `len` bytes at offset `ptr` (within the I/O area) to the running SHA-512.
#[no_mangle]
pub extern "C" fn sha512_update(ptr: usize, len: usize) {
    unsafe {
        HASH.update(&IO[ptr..ptr + len]);
    }
}

/// Writes the 64-byte digest at offset `out` and starts a new hash.
#[no_mangle]
pub extern "C" fn sha512_finish(out: usize) {
    unsafe {
        let h = core::mem::replace(&mut HASH, sha512::Sha512::new());
        IO[out..out + 64].copy_from_slice(&h.finish());
    }
}

/// Like `sha512_finish`, but writes the digest as an integer mod L (32 bytes, little-endian).
#[no_mangle]
pub extern "C" fn sha512_finish_scalar(out: usize) {
    unsafe {
        let h = core::mem::replace(&mut HASH, sha512::Sha512::new());
        let r = scalar::reduce(&scalar::from_bytes::<16>(&h.finish()));
        write32(out, &scalar::to_bytes(&r));
    }
}

/// 64 little-endian bytes at `x` mod L → out.
#[no_mangle]
pub extern "C" fn scalar_reduce(x: usize, out: usize) {
    let w = unsafe { scalar::from_bytes::<16>(&IO[x..x + 64]) };
    write32(out, &scalar::to_bytes(&scalar::reduce(&w)));
}

/// (a b + c) mod L → out, for 32-byte little-endian a, b, c.
#[no_mangle]
pub extern "C" fn scalar_mul_add(a: usize, b: usize, c: usize, out: usize) {
    let a = scalar::from_bytes::<8>(&read32(a));
    let b = scalar::from_bytes::<8>(&read32(b));
    let c = scalar::from_bytes::<8>(&read32(c));
    write32(out, &scalar::to_bytes(&scalar::mul_add(&a, &b, &c)));
}
