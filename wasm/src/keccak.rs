//! Keccak-512 as in the original Keccak submission (rate 72 bytes, pad byte 0x01 … 0x80), the hash
//! scrypt-jane's `SCRYPT_KECCAK512` uses — not SHA3-512, whose pad byte is 0x06 (post-poet.md §1.1).

const RATE: usize = 72;

const ROUND_CONSTANTS: [u64; 24] = [
    0x0000000000000001, 0x0000000000008082, 0x800000000000808a, 0x8000000080008000,
    0x000000000000808b, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008a, 0x0000000000000088, 0x0000000080008009, 0x000000008000000a,
    0x000000008000808b, 0x800000000000008b, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800a, 0x800000008000000a,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
];

/// Rotation of lane x + 5y in the rho step.
const RHO: [u32; 25] = [
    0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14,
];

fn keccak_f(a: &mut [u64; 25]) {
    for rc in ROUND_CONSTANTS.iter() {
        // theta
        let mut c = [0u64; 5];
        for x in 0..5 {
            c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
        }
        for x in 0..5 {
            let d = c[(x + 4) % 5] ^ c[(x + 1) % 5].rotate_left(1);
            for y in 0..5 {
                a[x + 5 * y] ^= d;
            }
        }
        // rho and pi: lane (x, y) moves to (y, 2x + 3y).
        let mut b = [0u64; 25];
        for x in 0..5 {
            for y in 0..5 {
                b[y + 5 * ((2 * x + 3 * y) % 5)] = a[x + 5 * y].rotate_left(RHO[x + 5 * y]);
            }
        }
        // chi
        for y in 0..5 {
            for x in 0..5 {
                a[x + 5 * y] = b[x + 5 * y] ^ (!b[(x + 1) % 5 + 5 * y] & b[(x + 2) % 5 + 5 * y]);
            }
        }
        // iota
        a[0] ^= rc;
    }
}

pub struct Keccak512 {
    state: [u64; 25],
    buf: [u8; RATE],
    pos: usize,
}

impl Keccak512 {
    pub fn new() -> Self {
        Keccak512 { state: [0; 25], buf: [0; RATE], pos: 0 }
    }

    fn absorb(&mut self) {
        for i in 0..RATE / 8 {
            let mut lane = [0u8; 8];
            lane.copy_from_slice(&self.buf[8 * i..8 * i + 8]);
            self.state[i] ^= u64::from_le_bytes(lane);
        }
        keccak_f(&mut self.state);
        self.pos = 0;
    }

    pub fn update(&mut self, mut data: &[u8]) {
        while !data.is_empty() {
            let take = core::cmp::min(RATE - self.pos, data.len());
            self.buf[self.pos..self.pos + take].copy_from_slice(&data[..take]);
            self.pos += take;
            data = &data[take..];
            if self.pos == RATE {
                self.absorb();
            }
        }
    }

    pub fn finalize(mut self) -> [u8; 64] {
        for b in self.buf[self.pos..].iter_mut() {
            *b = 0;
        }
        self.buf[self.pos] ^= 0x01;
        self.buf[RATE - 1] ^= 0x80;
        self.absorb();
        let mut out = [0u8; 64];
        for i in 0..8 {
            out[8 * i..8 * i + 8].copy_from_slice(&self.state[i].to_le_bytes());
        }
        out
    }
}

/// HMAC-Keccak-512 keyed by exactly one 72-byte block, so the key needs no hashing or padding.
fn hmac(key: &[u8; RATE], parts: &[&[u8]]) -> [u8; 64] {
    let mut pad = [0u8; RATE];
    for i in 0..RATE {
        pad[i] = key[i] ^ 0x36;
    }
    let mut inner = Keccak512::new();
    inner.update(&pad);
    for p in parts {
        inner.update(p);
    }
    let inner = inner.finalize();
    for i in 0..RATE {
        pad[i] = key[i] ^ 0x5c;
    }
    let mut outer = Keccak512::new();
    outer.update(&pad);
    outer.update(&inner);
    outer.finalize()
}

/// PBKDF2-HMAC-Keccak-512 with one iteration: block i (from 1) is HMAC(P, S ‖ u32be(i)).
pub fn pbkdf2(password: &[u8; RATE], salt: &[u8], out: &mut [u8]) {
    for (i, chunk) in out.chunks_mut(64).enumerate() {
        let counter = (i as u32 + 1).to_be_bytes();
        let t = hmac(password, &[salt, &counter]);
        chunk.copy_from_slice(&t[..chunk.len()]);
    }
}

/// Keccak-512 of `len` bytes at `ptr`, written to `out` (64 bytes); exported for tests.
#[no_mangle]
pub unsafe extern "C" fn keccak512(ptr: *const u8, len: usize, out: *mut u8) {
    let mut h = Keccak512::new();
    h.update(core::slice::from_raw_parts(ptr, len));
    core::slice::from_raw_parts_mut(out, 64).copy_from_slice(&h.finalize());
}
