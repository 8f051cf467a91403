/**
 * AES-128 block encryption (FIPS-197), a small clear reference for the proving scan
 * (post-poet.md §2.3: one AES-128-ECB block per label per 16 nonces). The fast scan lives in
 * `post.wasm`; this one is for tests and for the lazy per-nonce cipher on ties.
 */

/** S-box built from its definition: multiplicative inverse in GF(2^8), then the affine map. */
const SBOX = buildSbox()

function mul2(x: number): number {
  return ((x << 1) ^ (x & 0x80 ? 0x1b : 0)) & 0xff
}

function rotl8(x: number, s: number): number {
  return ((x << s) | (x >>> (8 - s))) & 0xff
}

function buildSbox(): Uint8Array {
  const sbox = new Uint8Array(256)
  sbox[0] = 0x63
  // Walk p over GF(2^8)* by multiplying by 3 and q by dividing by 3, so q = p^-1 throughout.
  let p = 1
  let q = 1
  do {
    p = p ^ mul2(p)
    q ^= q << 1
    q ^= q << 2
    q ^= q << 4
    q &= 0xff
    if (q & 0x80) q ^= 0x09
    sbox[p] = q ^ rotl8(q, 1) ^ rotl8(q, 2) ^ rotl8(q, 3) ^ rotl8(q, 4) ^ 0x63
  } while (p !== 1)
  return sbox
}

function sub(x: number): number {
  return SBOX[x] as number
}

/** FIPS-197 §5.2 KeyExpansion for Nk = 4: 11 round keys of 16 bytes. */
function expandKey(key: Uint8Array): Uint8Array {
  const w = new Uint8Array(176)
  w.set(key)
  let rcon = 1
  for (let i = 16; i < 176; i += 4) {
    let t0 = w[i - 4] as number
    let t1 = w[i - 3] as number
    let t2 = w[i - 2] as number
    let t3 = w[i - 1] as number
    if (i % 16 === 0) {
      // RotWord, SubWord, Rcon.
      ;[t0, t1, t2, t3] = [sub(t1) ^ rcon, sub(t2), sub(t3), sub(t0)]
      rcon = mul2(rcon)
    }
    w[i] = (w[i - 16] as number) ^ t0
    w[i + 1] = (w[i - 15] as number) ^ t1
    w[i + 2] = (w[i - 14] as number) ^ t2
    w[i + 3] = (w[i - 13] as number) ^ t3
  }
  return w
}

/** AES-128 of one 16-byte block; the state is column-major as in FIPS-197 (byte 4c + r = row r, column c). */
export function encryptAes128Block(key: Uint8Array, block: Uint8Array): Uint8Array {
  if (key.length !== 16) throw new RangeError(`expected 16-byte AES key, got ${key.length}`)
  if (block.length !== 16) throw new RangeError(`expected 16-byte AES block, got ${block.length}`)
  const w = expandKey(key)
  let s = new Uint8Array(16)
  for (let i = 0; i < 16; i++) s[i] = (block[i] as number) ^ (w[i] as number)
  for (let round = 1; round <= 10; round++) {
    // SubBytes and ShiftRows: row r of column c comes from column c + r.
    const t = new Uint8Array(16)
    for (let c = 0; c < 4; c++) {
      for (let r = 0; r < 4; r++) t[4 * c + r] = sub(s[4 * ((c + r) % 4) + r] as number)
    }
    if (round < 10) {
      // MixColumns: each column times [2 3 1 1; 1 2 3 1; 1 1 2 3; 3 1 1 2] over GF(2^8).
      for (let c = 0; c < 4; c++) {
        const a0 = t[4 * c] as number
        const a1 = t[4 * c + 1] as number
        const a2 = t[4 * c + 2] as number
        const a3 = t[4 * c + 3] as number
        t[4 * c] = mul2(a0) ^ mul2(a1) ^ a1 ^ a2 ^ a3
        t[4 * c + 1] = a0 ^ mul2(a1) ^ mul2(a2) ^ a2 ^ a3
        t[4 * c + 2] = a0 ^ a1 ^ mul2(a2) ^ mul2(a3) ^ a3
        t[4 * c + 3] = mul2(a0) ^ a0 ^ a1 ^ a2 ^ mul2(a3)
      }
    }
    for (let i = 0; i < 16; i++) t[i] = (t[i] as number) ^ (w[16 * round + i] as number)
    s = t
  }
  return s
}
