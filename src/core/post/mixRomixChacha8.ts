/**
 * scrypt's ROMix with r = 1 and scrypt-jane's ChaCha20/8 block function (post-poet.md §1.1).
 *
 * The 32-word chunk is two 64-byte blocks. The block function takes the 16 words themselves as the
 * ChaCha state (no constants, key or nonce), runs 4 double rounds (column then diagonal
 * quarter-rounds, rotations 16/12/8/7) and adds the input back. Unlike Salsa-based scrypt there is
 * no word shuffling before or after ROMix.
 */
export function mixRomixChacha8(chunk: Uint32Array, n: number): void {
  if (chunk.length !== 32) throw new RangeError(`expected 32-word chunk, got ${chunk.length}`)
  const v = new Uint32Array(32 * n)
  const mask = n - 1
  // ROMix step 1: V[i] = X; X = BlockMix(X), N times.
  for (let i = 0; i < n; i++) {
    v.set(chunk, 32 * i)
    mixBlock(chunk)
  }
  // ROMix step 2: j = Integerify(X) mod N (first word of the last 64-byte block); X = BlockMix(X ^ V[j]).
  for (let i = 0; i < n; i++) {
    const j = ((chunk[16] as number) & mask) * 32
    for (let w = 0; w < 32; w++) chunk[w] = (chunk[w] as number) ^ (v[j + w] as number)
    mixBlock(chunk)
  }
}

const scratch = new Uint32Array(16)

/** BlockMix for r = 1: X = B1; Y0 = H(X ^ B0); Y1 = H(Y0 ^ B1); the result is (Y0, Y1). */
function mixBlock(b: Uint32Array): void {
  const x = scratch
  for (let w = 0; w < 16; w++) x[w] = (b[16 + w] as number) ^ (b[w] as number)
  permuteChacha8(x)
  for (let w = 0; w < 16; w++) {
    const y0 = x[w] as number
    b[w] = y0
    x[w] = y0 ^ (b[16 + w] as number)
  }
  permuteChacha8(x)
  b.set(x, 16)
}

function rotl(x: number, c: number): number {
  return (x << c) | (x >>> (32 - c))
}

/** ChaCha20/8 with feed-forward over the 16-word state `s`, in place. */
function permuteChacha8(s: Uint32Array): void {
  let x0 = s[0] as number,
    x1 = s[1] as number,
    x2 = s[2] as number,
    x3 = s[3] as number
  let x4 = s[4] as number,
    x5 = s[5] as number,
    x6 = s[6] as number,
    x7 = s[7] as number
  let x8 = s[8] as number,
    x9 = s[9] as number,
    x10 = s[10] as number,
    x11 = s[11] as number
  let x12 = s[12] as number,
    x13 = s[13] as number,
    x14 = s[14] as number,
    x15 = s[15] as number
  for (let round = 0; round < 8; round += 2) {
    // Column quarter-rounds: (0,4,8,12) (1,5,9,13) (2,6,10,14) (3,7,11,15).
    x0 = (x0 + x4) | 0
    x12 = rotl(x12 ^ x0, 16)
    x8 = (x8 + x12) | 0
    x4 = rotl(x4 ^ x8, 12)
    x0 = (x0 + x4) | 0
    x12 = rotl(x12 ^ x0, 8)
    x8 = (x8 + x12) | 0
    x4 = rotl(x4 ^ x8, 7)
    x1 = (x1 + x5) | 0
    x13 = rotl(x13 ^ x1, 16)
    x9 = (x9 + x13) | 0
    x5 = rotl(x5 ^ x9, 12)
    x1 = (x1 + x5) | 0
    x13 = rotl(x13 ^ x1, 8)
    x9 = (x9 + x13) | 0
    x5 = rotl(x5 ^ x9, 7)
    x2 = (x2 + x6) | 0
    x14 = rotl(x14 ^ x2, 16)
    x10 = (x10 + x14) | 0
    x6 = rotl(x6 ^ x10, 12)
    x2 = (x2 + x6) | 0
    x14 = rotl(x14 ^ x2, 8)
    x10 = (x10 + x14) | 0
    x6 = rotl(x6 ^ x10, 7)
    x3 = (x3 + x7) | 0
    x15 = rotl(x15 ^ x3, 16)
    x11 = (x11 + x15) | 0
    x7 = rotl(x7 ^ x11, 12)
    x3 = (x3 + x7) | 0
    x15 = rotl(x15 ^ x3, 8)
    x11 = (x11 + x15) | 0
    x7 = rotl(x7 ^ x11, 7)
    // Diagonal quarter-rounds: (0,5,10,15) (1,6,11,12) (2,7,8,13) (3,4,9,14).
    x0 = (x0 + x5) | 0
    x15 = rotl(x15 ^ x0, 16)
    x10 = (x10 + x15) | 0
    x5 = rotl(x5 ^ x10, 12)
    x0 = (x0 + x5) | 0
    x15 = rotl(x15 ^ x0, 8)
    x10 = (x10 + x15) | 0
    x5 = rotl(x5 ^ x10, 7)
    x1 = (x1 + x6) | 0
    x12 = rotl(x12 ^ x1, 16)
    x11 = (x11 + x12) | 0
    x6 = rotl(x6 ^ x11, 12)
    x1 = (x1 + x6) | 0
    x12 = rotl(x12 ^ x1, 8)
    x11 = (x11 + x12) | 0
    x6 = rotl(x6 ^ x11, 7)
    x2 = (x2 + x7) | 0
    x13 = rotl(x13 ^ x2, 16)
    x8 = (x8 + x13) | 0
    x7 = rotl(x7 ^ x8, 12)
    x2 = (x2 + x7) | 0
    x13 = rotl(x13 ^ x2, 8)
    x8 = (x8 + x13) | 0
    x7 = rotl(x7 ^ x8, 7)
    x3 = (x3 + x4) | 0
    x14 = rotl(x14 ^ x3, 16)
    x9 = (x9 + x14) | 0
    x4 = rotl(x4 ^ x9, 12)
    x3 = (x3 + x4) | 0
    x14 = rotl(x14 ^ x3, 8)
    x9 = (x9 + x14) | 0
    x4 = rotl(x4 ^ x9, 7)
  }
  // Feed-forward: add the input back word-wise.
  s[0] = (s[0] as number) + x0
  s[1] = (s[1] as number) + x1
  s[2] = (s[2] as number) + x2
  s[3] = (s[3] as number) + x3
  s[4] = (s[4] as number) + x4
  s[5] = (s[5] as number) + x5
  s[6] = (s[6] as number) + x6
  s[7] = (s[7] as number) + x7
  s[8] = (s[8] as number) + x8
  s[9] = (s[9] as number) + x9
  s[10] = (s[10] as number) + x10
  s[11] = (s[11] as number) + x11
  s[12] = (s[12] as number) + x12
  s[13] = (s[13] as number) + x13
  s[14] = (s[14] as number) + x14
  s[15] = (s[15] as number) + x15
}
