//! edwards25519 (-x^2 + y^2 = 1 + d x^2 y^2) in extended coordinates (X:Y:Z:T), x = X/Z,
//! y = Y/Z, T = XY/Z (Hisil–Wong–Carter–Dawson 2008, a = -1).
//!
//! Additions and doublings produce a "completed" point ((X:Z), (Y:T)) that is then projected
//! back to extended coordinates (4 multiplications) or, before another doubling, to plain
//! projective ones (3). Addends are kept "cached" as (Y+X, Y-X, Z, 2dT), which is what the
//! unified addition formula consumes.
use crate::consts;
use crate::field::{self, Fe, ONE, ZERO};
use core::arch::wasm32::{i32x4_splat, v128, v128_bitselect, v128_load, v128_store};

#[derive(Clone, Copy)]
pub struct Ext {
    pub x: Fe,
    pub y: Fe,
    pub z: Fe,
    pub t: Fe,
}

#[derive(Clone, Copy)]
struct Proj {
    x: Fe,
    y: Fe,
    z: Fe,
}

/// x = X/Z, y = Y/T.
#[derive(Clone, Copy)]
struct Completed {
    x: Fe,
    y: Fe,
    z: Fe,
    t: Fe,
}

#[derive(Clone, Copy)]
#[repr(C)]
pub struct Cached {
    ypx: Fe,
    ymx: Fe,
    z: Fe,
    t2d: Fe,
}

pub const IDENTITY: Ext = Ext { x: ZERO, y: ONE, z: ONE, t: ZERO };
const CACHED_IDENTITY: Cached = Cached { ypx: ONE, ymx: ONE, z: ONE, t2d: ZERO };

pub struct Constants {
    pub d: Fe,
    pub d2: Fe,
    pub sqrt_m1: Fe,
    pub ell2_c1: Fe,
    pub mont_a: Fe,
}

pub fn constants() -> Constants {
    Constants {
        d: Fe::from_bytes(&consts::D),
        d2: Fe::from_bytes(&consts::D2),
        sqrt_m1: Fe::from_bytes(&consts::SQRT_M1),
        ell2_c1: Fe::from_bytes(&consts::ELL2_C1),
        mont_a: Fe([486662, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
    }
}

impl Completed {
    #[inline(always)]
    fn to_ext(&self) -> Ext {
        Ext { x: self.x.mul(&self.t), y: self.y.mul(&self.z), z: self.z.mul(&self.t), t: self.x.mul(&self.y) }
    }

    #[inline(always)]
    fn to_proj(&self) -> Proj {
        Proj { x: self.x.mul(&self.t), y: self.y.mul(&self.z), z: self.z.mul(&self.t) }
    }
}

impl Proj {
    /// dbl-2008-hwcd with a = -1.
    #[inline(always)]
    fn double(&self) -> Completed {
        let a = self.x.sq();
        let b = self.y.sq();
        let zz = self.z.sq();
        let c = zz.add(&zz);
        // Folds (field.rs): e 3, g 2, f 4, h 2; products at most 4 x 3.
        let e = self.x.add(&self.y).sq().sub(&a).sub(&b);
        let g = b.sub(&a);
        let f = g.sub(&c);
        let h = ZERO.sub(&a).sub(&b);
        // X3 = E F, Y3 = G H, Z3 = F G, T3 = E H: x = E/G, y = H/F.
        Completed { x: e, y: h, z: g, t: f }
    }
}

impl Ext {
    pub fn to_cached(&self, c: &Constants) -> Cached {
        Cached { ypx: self.y.add(&self.x), ymx: self.y.sub(&self.x), z: self.z, t2d: self.t.mul(&c.d2) }
    }

    #[inline(always)]
    fn to_proj(&self) -> Proj {
        Proj { x: self.x, y: self.y, z: self.z }
    }

    /// add-2008-hwcd-3 (unified, a = -1) against a cached point.
    #[inline(always)]
    fn add_completed(&self, q: &Cached) -> Completed {
        let a = self.y.sub(&self.x).mul(&q.ymx);
        let b = self.y.add(&self.x).mul(&q.ypx);
        let c = self.t.mul(&q.t2d);
        let zz = self.z.mul(&q.z);
        let d = zz.add(&zz);
        // Folds (field.rs): e and h 2, f and g 3; products at most 3 x 3.
        let e = b.sub(&a);
        let h = b.add(&a);
        let f = d.sub(&c);
        let g = d.add(&c);
        Completed { x: e, y: h, z: g, t: f }
    }

    /// The same with q.z = 1 (a normalized table entry): one multiplication less.
    #[inline(always)]
    fn add_affine_completed(&self, q: &Cached) -> Completed {
        let a = self.y.sub(&self.x).mul(&q.ymx);
        let b = self.y.add(&self.x).mul(&q.ypx);
        let c = self.t.mul(&q.t2d);
        let d = self.z.add(&self.z);
        let e = b.sub(&a);
        let h = b.add(&a);
        let f = d.sub(&c);
        let g = d.add(&c);
        Completed { x: e, y: h, z: g, t: f }
    }

    pub fn add(&self, q: &Cached) -> Ext {
        self.add_completed(q).to_ext()
    }

    pub fn sub(&self, q: &Cached) -> Ext {
        self.add_completed(&q.neg()).to_ext()
    }

    /// 2^n self, n >= 1, keeping T only for the last step.
    pub fn double_n(&self, n: u32) -> Ext {
        let mut p = self.to_proj();
        let mut i = 1;
        while i < n {
            p = p.double().to_proj();
            i += 1;
        }
        p.double().to_ext()
    }

    pub fn mul_by_cofactor(&self) -> Ext {
        self.double_n(3)
    }

    pub fn is_identity(&self) -> bool {
        self.x.is_zero() && self.y.equals(&self.z)
    }

    /// [8]P = 0: P lies in the torsion subgroup (RFC 8032's small-order points).
    pub fn is_small_order(&self) -> bool {
        self.mul_by_cofactor().is_identity()
    }

    /// RFC 8032 §5.1.2: y with the sign of x in bit 255.
    pub fn encode(&self) -> [u8; 32] {
        let zi = self.z.invert();
        let x = self.x.mul(&zi);
        let y = self.y.mul(&zi);
        let mut out = y.to_bytes();
        out[31] |= (x.is_odd() as u8) << 7;
        out
    }

    /// `encode` of several points with one inversion (Montgomery's trick): Z_i^-1 from the
    /// inverse of the product of all Z.
    pub fn encode_all<const N: usize>(points: &[Ext; N]) -> [[u8; 32]; N] {
        let mut prefix = [ONE; N];
        let mut acc = ONE;
        for i in 0..N {
            prefix[i] = acc;
            acc = acc.mul(&points[i].z);
        }
        let mut inv = acc.invert();
        let mut out = [[0u8; 32]; N];
        let mut i = N;
        while i > 0 {
            i -= 1;
            let zi = inv.mul(&prefix[i]);
            inv = inv.mul(&points[i].z);
            let x = points[i].x.mul(&zi);
            let mut b = points[i].y.mul(&zi).to_bytes();
            b[31] |= (x.is_odd() as u8) << 7;
            out[i] = b;
        }
        out
    }

    /// RFC 8032 §5.1.3 with the strict (non-ZIP-215) checks: y < p, and x = 0 with the sign bit
    /// set is rejected. None for any encoding that is not a canonical curve point.
    pub fn decode(b: &[u8; 32], c: &Constants) -> Option<Ext> {
        if !field::is_canonical(b) {
            return None;
        }
        let y = Fe::from_bytes(b);
        let yy = y.sq();
        let u = yy.sub(&ONE);
        let v = yy.mul(&c.d).add(&ONE);
        let mut x = sqrt_ratio(&u, &v, c)?;
        let sign = b[31] >> 7 == 1;
        let x_is_zero = x.is_zero();
        if x_is_zero && sign {
            return None;
        }
        if x.is_odd() != sign {
            x = x.neg();
        }
        Some(Ext { x, y, z: ONE, t: x.mul(&y) })
    }
}

impl Cached {
    #[inline(always)]
    fn neg(&self) -> Cached {
        Cached { ypx: self.ymx, ymx: self.ypx, z: self.z, t2d: self.t2d.neg() }
    }

    /// `q` if `flag` is 1, else self (flag 0 or 1), as ten 128-bit bit-selects.
    #[inline(always)]
    fn select(&self, q: &Cached, flag: i32) -> Cached {
        let mask = i32x4_splat(-flag);
        let mut out = *self;
        // Cached is repr(C): four [i32; 10] arrays, 160 bytes = ten v128 lanes.
        unsafe {
            let a = self as *const Cached as *const v128;
            let b = q as *const Cached as *const v128;
            let o = &mut out as *mut Cached as *mut v128;
            for i in 0..10 {
                v128_store(o.add(i), v128_bitselect(v128_load(b.add(i)), v128_load(a.add(i)), mask));
            }
        }
        out
    }

    /// The same point with Z = 1 (one inversion), for the precomputed base-point tables.
    fn normalize(&self) -> Cached {
        let zi = self.z.invert();
        Cached { ypx: self.ypx.mul(&zi), ymx: self.ymx.mul(&zi), z: ONE, t2d: self.t2d.mul(&zi) }
    }
}

/// sqrt(u/v) if u/v is a square (RFC 8032 §5.1.3 step 3): r = u v^3 (u v^7)^((p-5)/8), then
/// v r^2 is u (r is a root) or -u (r sqrt(-1) is one) or neither (not a square).
pub fn sqrt_ratio(u: &Fe, v: &Fe, c: &Constants) -> Option<Fe> {
    let v3 = v.sq().mul(v);
    let v7 = v3.sq().mul(v);
    let r = u.mul(&v3).mul(&u.mul(&v7).pow_p58());
    let check = v.mul(&r.sq());
    if check.equals(u) {
        Some(r)
    } else if check.equals(&u.neg()) {
        Some(r.mul(&c.sqrt_m1))
    } else {
        None
    }
}

/// A scalar below 2^255 as 64 signed radix-16 digits in [-8, 8] (the last in [0, 8]).
pub fn radix16(s: &[u8; 32]) -> [i8; 64] {
    let mut e = [0i8; 64];
    for i in 0..32 {
        e[2 * i] = (s[i] & 15) as i8;
        e[2 * i + 1] = (s[i] >> 4) as i8;
    }
    for i in 0..63 {
        let carry = (e[i] + 8) >> 4;
        e[i] -= carry << 4;
        e[i + 1] += carry;
    }
    e
}

/// [1]P .. [8]P.
pub type Table = [Cached; 8];

pub fn table(p: &Ext, c: &Constants) -> Table {
    let mut t = [CACHED_IDENTITY; 8];
    t[0] = p.to_cached(c);
    let mut acc = *p;
    for j in 1..8 {
        acc = acc.add(&t[0]);
        t[j] = acc.to_cached(c);
    }
    t
}

/// [digit]P from the table of P in constant time: every entry is read, the sign applied by a
/// masked select, so the memory trace does not depend on a secret scalar.
#[inline(always)]
pub fn select(t: &Table, digit: i8) -> Cached {
    let d = digit as i32;
    let neg = (d >> 31) & 1;
    let abs = d - ((2 * d) & -neg);
    let mut r = CACHED_IDENTITY;
    for j in 0..8 {
        let hit = (((abs ^ (j as i32 + 1)) - 1) >> 31) & 1;
        r = r.select(&t[j], hit);
    }
    r.select(&r.neg(), neg)
}

/// Tables of P, 2^64 P, 2^128 P and 2^192 P, for several constant-time multiplications of one
/// point: building them costs 192 doublings once, after which each [s]P needs 60 doublings
/// (and the same 64 additions) instead of 252.
pub struct Split([Table; 4]);

pub fn split(p: &Ext, c: &Constants) -> Split {
    let mut q = *p;
    let mut t = [[CACHED_IDENTITY; 8]; 4];
    for i in 0..4 {
        if i > 0 {
            q = q.double_n(64);
        }
        t[i] = table(&q, c);
    }
    Split(t)
}

/// [s]P for s < 2^255 with `split(P)`: s P = sum over j of 16^j (sum over i of e[16 i + j] 2^(64 i) P)
/// for the signed radix-16 digits e of s.
pub fn mul_split(t: &Split, s: &[u8; 32]) -> Ext {
    let e = radix16(s);
    let mut q = IDENTITY;
    let mut j = 16;
    while j > 0 {
        j -= 1;
        if j < 15 {
            q = q.double_n(4);
        }
        for i in 0..4 {
            q = q.add(&select(&t.0[i], e[16 * i + j]));
        }
    }
    q
}

/// [j + 1] 256^k B for k < 32, j < 8.
pub type BaseTable = [Table; 32];

pub fn base_table(c: &Constants) -> BaseTable {
    let y = Fe::from_bytes(&consts::BASE_Y);
    let mut b = match Ext::decode(&consts::BASE_Y, c) {
        Some(p) => p,
        None => Ext { x: ZERO, y, z: ONE, t: ZERO },
    };
    let mut out = [[CACHED_IDENTITY; 8]; 32];
    for k in 0..32 {
        let t = table(&b, c);
        for j in 0..8 {
            out[k][j] = t[j].normalize();
        }
        b = b.double_n(8);
    }
    out
}

/// [s]B for s < 2^255: s = sum e_i 16^i, odd digits first (then times 16), then even ones, each
/// read from the row of 256^(i/2) B: 64 additions and 4 doublings.
pub fn mul_base(bt: &BaseTable, s: &[u8; 32]) -> Ext {
    let e = radix16(s);
    let mut q = IDENTITY;
    let mut i = 1;
    while i < 64 {
        q = q.add_affine_completed(&select(&bt[i / 2], e[i])).to_ext();
        i += 2;
    }
    q = q.double_n(4);
    let mut i = 0;
    while i < 64 {
        q = q.add_affine_completed(&select(&bt[i / 2], e[i])).to_ext();
        i += 2;
    }
    q
}

/// Width-w non-adjacent form of a scalar below 2^255: digits odd or zero, |d| < 2^(w-1), any
/// w consecutive digits hold at most one non-zero. For public scalars only (variable time).
pub fn wnaf(s: &[u8; 32], w: u32) -> [i8; 257] {
    let mut k = [0u64; 5];
    for i in 0..32 {
        k[i / 8] |= (s[i] as u64) << (8 * (i % 8));
    }
    let mut naf = [0i8; 257];
    let full = 1i64 << w;
    let mut i = 0;
    while i < 257 && k != [0u64; 5] {
        if k[0] & 1 == 1 {
            let mut d = (k[0] & (full as u64 - 1)) as i64;
            if d >= full / 2 {
                d -= full;
            }
            naf[i] = d as i8;
            // k -= d: a small subtraction or addition on the multi-word integer.
            if d > 0 {
                let (v, mut borrow) = k[0].overflowing_sub(d as u64);
                k[0] = v;
                let mut j = 1;
                while borrow && j < 5 {
                    let (v, b) = k[j].overflowing_sub(1);
                    k[j] = v;
                    borrow = b;
                    j += 1;
                }
            } else {
                let (v, mut carry) = k[0].overflowing_add((-d) as u64);
                k[0] = v;
                let mut j = 1;
                while carry && j < 5 {
                    let (v, c) = k[j].overflowing_add(1);
                    k[j] = v;
                    carry = c;
                    j += 1;
                }
            }
        }
        for j in 0..4 {
            k[j] = (k[j] >> 1) | (k[j + 1] << 63);
        }
        k[4] >>= 1;
        i += 1;
    }
    naf
}

/// [P, 3P, 5P, ..., 15P]: the table of a width-5 NAF.
pub fn odd_table(p: &Ext, c: &Constants) -> Table {
    let mut t = [CACHED_IDENTITY; 8];
    let p2 = p.double_n(1).to_cached(c);
    let mut acc = *p;
    t[0] = p.to_cached(c);
    for j in 1..8 {
        acc = acc.add(&p2);
        t[j] = acc.to_cached(c);
    }
    t
}

/// [Q, 3Q, ..., 127Q] normalized: the table of a width-8 NAF of a fixed point Q.
pub type BaseOdd = [Cached; 64];

/// The odd-multiple table of 2^shift B.
pub fn base_odd(c: &Constants, shift: u32) -> BaseOdd {
    let mut b = match Ext::decode(&consts::BASE_Y, c) {
        Some(p) => p,
        None => IDENTITY,
    };
    if shift > 0 {
        b = b.double_n(shift);
    }
    let b2 = b.double_n(1).to_cached(c);
    let mut acc = b;
    let mut out = [CACHED_IDENTITY; 64];
    out[0] = b.to_cached(c).normalize();
    for j in 1..64 {
        acc = acc.add(&b2);
        out[j] = acc.to_cached(c).normalize();
    }
    out
}

/// One NAF term of a Straus sum: digits, the odd multiples they index, whether those are
/// normalized (Z = 1).
pub struct Term<'a> {
    pub naf: &'a [i8; 257],
    pub table: &'a [Cached],
    pub affine: bool,
}

/// sum of [a_i]P_i over the terms with one shared doubling chain (Straus), variable time: for
/// verification, where every scalar and point is public.
pub fn straus_vartime(terms: &[Term]) -> Ext {
    let mut top = 256;
    while top > 0 && terms.iter().all(|t| t.naf[top] == 0) {
        top -= 1;
    }
    let mut p = IDENTITY.to_proj();
    let mut i = top + 1;
    loop {
        i -= 1;
        let mut c = p.double();
        for t in terms {
            let d = t.naf[i];
            if d == 0 {
                continue;
            }
            let q = if d > 0 { t.table[(d / 2) as usize] } else { t.table[(-d / 2) as usize].neg() };
            let e = c.to_ext();
            c = if t.affine { e.add_affine_completed(&q) } else { e.add_completed(&q) };
        }
        if i == 0 {
            return c.to_ext();
        }
        p = c.to_proj();
    }
}

impl Ext {
    pub fn neg(&self) -> Ext {
        Ext { x: self.x.neg(), y: self.y, z: self.z, t: self.t.neg() }
    }
}
