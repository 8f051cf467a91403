//! edwards25519 (-x^2 + y^2 = 1 + d x^2 y^2) in extended coordinates (X:Y:Z:T), x = X/Z,
//! y = Y/Z, T = XY/Z (Hisil–Wong–Carter–Dawson 2008, a = -1).
//!
//! Additions and doublings produce a "completed" point ((X:Z), (Y:T)) that is then projected
//! back to extended coordinates (4 multiplications) or, before another doubling, to plain
//! projective ones (3). Addends are kept "cached" as (Y+X, Y-X, Z, 2dT), which is what the
//! unified addition formula consumes.
use crate::consts;
use crate::field::{self, Fe, ONE, ZERO};

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
        let e = self.x.add(&self.y).sq().sub(&a).sub(&b).reduce();
        let g = b.sub(&a);
        let f = g.sub(&c).reduce();
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
        let e = b.sub(&a);
        let h = b.add(&a);
        let f = d.sub(&c).reduce();
        let g = d.add(&c).reduce();
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

    #[inline(always)]
    fn select(&self, q: &Cached, flag: i32) -> Cached {
        Cached {
            ypx: self.ypx.select(&q.ypx, flag),
            ymx: self.ymx.select(&q.ymx, flag),
            z: self.z.select(&q.z, flag),
            t2d: self.t2d.select(&q.t2d, flag),
        }
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

/// [s]P for s < 2^255 (fixed window of 4 bits, 252 doublings, 64 additions).
pub fn mul(p: &Ext, s: &[u8; 32], c: &Constants) -> Ext {
    let t = table(p, c);
    let e = radix16(s);
    let mut q = IDENTITY.add(&select(&t, e[63]));
    let mut i = 63;
    while i > 0 {
        i -= 1;
        q = q.double_n(4).add(&select(&t, e[i]));
    }
    q
}

/// [a]P + [b]Q (Straus: one doubling chain for both).
pub fn mul2(p: &Ext, a: &[u8; 32], q: &Ext, b: &[u8; 32], c: &Constants) -> Ext {
    let tp = table(p, c);
    let tq = table(q, c);
    let ea = radix16(a);
    let eb = radix16(b);
    let mut r = IDENTITY.add(&select(&tp, ea[63])).add(&select(&tq, eb[63]));
    let mut i = 63;
    while i > 0 {
        i -= 1;
        r = r.double_n(4).add(&select(&tp, ea[i])).add(&select(&tq, eb[i]));
    }
    r
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
        out[k] = table(&b, c);
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
        q = q.add(&select(&bt[i / 2], e[i]));
        i += 2;
    }
    q = q.double_n(4);
    let mut i = 0;
    while i < 64 {
        q = q.add(&select(&bt[i / 2], e[i]));
        i += 2;
    }
    q
}
