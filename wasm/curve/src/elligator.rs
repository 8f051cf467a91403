//! map_to_curve for edwards25519_XMD:SHA-512_ELL2_NU_ (RFC 9380): Elligator 2 onto curve25519
//! (§6.7.1, A = 486662, B = 1, Z = 2), the rational map to edwards25519 (§6.8.2, appendix D.1),
//! then clear_cofactor with h_eff = 8 (§8.5). hash_to_field stays with the caller.
use crate::field::{Fe, ONE};
use crate::point::{sqrt_ratio, Constants, Ext};

/// The Montgomery point (s, t) for field element u (§6.7.1 with J = A, K = 1).
fn elligator2_curve25519(u: &Fe, c: &Constants) -> (Fe, Fe) {
    let a = &c.mont_a;
    let tv = u.sq().add(&u.sq()); // Z u^2
    // 1. x1 = -(J/K) inv0(1 + Z u^2); 2. if x1 == 0, x1 = -(J/K)
    let mut x1 = a.neg().mul(&ONE.add(&tv).invert());
    if x1.is_zero() {
        x1 = a.neg();
    }
    // 3.-5. g(x) = x^3 + A x^2 + x = x (x^2 + A x + 1)
    let gx1 = x1.mul(&x1.sq().add(&a.mul(&x1)).add(&ONE).reduce());
    let x2 = x1.neg().sub(a);
    let gx2 = x2.mul(&x2.sq().add(&a.mul(&x2)).add(&ONE).reduce());
    // 6. g(x1) square: y = sqrt(g(x1)) with sgn0(y) = 1; 7. else y = sqrt(g(x2)) with sgn0(y) = 0.
    match sqrt_ratio(&gx1, &ONE, c) {
        Some(y) => (x1, if y.is_odd() { y } else { y.neg() }),
        None => {
            // g(x1) g(x2) = Z u^2 g(x1)^2 with Z a non-square, so g(x2) is a square here.
            let y = match sqrt_ratio(&gx2, &ONE, c) {
                Some(y) => y,
                None => Fe([0; 10]),
            };
            (x2, if y.is_odd() { y.neg() } else { y })
        }
    }
}

/// Rational map (§6.8.2): x = sqrt(-486664) s / t, y = (s - 1) / (s + 1); (0, 1) when t = 0 or
/// s = -1. Kept as fractions X/Z, Y/Z over Z = t (s + 1), so no inversion: the extended point is
/// (X Z : Y Z : Z^2 : X Y).
fn to_edwards(s: &Fe, t: &Fe, c: &Constants) -> Ext {
    let sp1 = s.add(&ONE);
    let z = t.mul(&sp1);
    if z.is_zero() {
        return crate::point::IDENTITY;
    }
    let x = c.ell2_c1.mul(s).mul(&sp1);
    let y = s.sub(&ONE).mul(t);
    Ext { x: x.mul(&z), y: y.mul(&z), z: z.sq(), t: x.mul(&y) }
}

/// encode_to_curve's map and cofactor clearing for one field element u (already reduced mod p).
pub fn map_to_curve(u: &Fe, c: &Constants) -> Ext {
    let (s, t) = elligator2_curve25519(u, c);
    to_edwards(&s, &t, c).mul_by_cofactor()
}
