/**
 * `times` further SHA-256 applications to a 32-byte digest held as 8 words in `state`: the hot
 * loop of a PoET label (399 of its 400 hashes; reference post-poet.md §3.1).
 *
 * A 32-byte message is one block whose words 8..15 are fixed padding (0x80000000, six zeros,
 * bit length 256), so those schedule words are constants and the digest stays in local
 * variables across iterations: no byte conversion, no allocation, one Int32Array for the
 * schedule. Checked against @noble/hashes in createPoetHasher.test.ts.
 */
import { SHA256_IV } from './compressSha256Block.ts'

// Own copy of compressSha256Block's rounds and K, digest kept in locals: calling it measured ~25% slower.
const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
])

const W = new Int32Array(64)
// Fixed padding of a 32-byte message.
W[8] = 0x80000000 | 0
W[15] = 256

const [I0, I1, I2, I3, I4, I5, I6, I7] = SHA256_IV as unknown as number[] as [
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
]

export function iterateSha256(state: Int32Array, times: number): void {
  const w = W
  let d0 = state[0]!
  let d1 = state[1]!
  let d2 = state[2]!
  let d3 = state[3]!
  let d4 = state[4]!
  let d5 = state[5]!
  let d6 = state[6]!
  let d7 = state[7]!
  for (let n = 0; n < times; n++) {
    w[0] = d0
    w[1] = d1
    w[2] = d2
    w[3] = d3
    w[4] = d4
    w[5] = d5
    w[6] = d6
    w[7] = d7
    for (let i = 16; i < 64; i++) {
      const x = w[i - 15]!
      const y = w[i - 2]!
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3)
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10)
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0
    }
    let a = I0
    let b = I1
    let c = I2
    let d = I3
    let e = I4
    let f = I5
    let g = I6
    let h = I7
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7))
      const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10))
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0
      h = g
      g = f
      f = e
      e = (d + t1) | 0
      d = c
      c = b
      b = a
      a = (t1 + t2) | 0
    }
    d0 = (I0 + a) | 0
    d1 = (I1 + b) | 0
    d2 = (I2 + c) | 0
    d3 = (I3 + d) | 0
    d4 = (I4 + e) | 0
    d5 = (I5 + f) | 0
    d6 = (I6 + g) | 0
    d7 = (I7 + h) | 0
  }
  state[0] = d0
  state[1] = d1
  state[2] = d2
  state[3] = d3
  state[4] = d4
  state[5] = d5
  state[6] = d6
  state[7] = d7
}
