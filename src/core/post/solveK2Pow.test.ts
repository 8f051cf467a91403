import { describe, expect, it } from 'vitest'
import { compareBytes } from './compareBytes.ts'
import { hashK2Pow } from './hashK2Pow.ts'
import { scalePowDifficulty } from './scalePowDifficulty.ts'
import { solveK2Pow } from './solveK2Pow.ts'

const input = { nonceGroup: 3, challenge: new Uint8Array(32).fill(7), nodeId: new Uint8Array(32).fill(0x4d) }
// 2^248: one hash in 256 qualifies on average.
const difficulty = Uint8Array.from([0x01, ...new Uint8Array(31)])

describe('solveK2Pow', () => {
  it('finds the first pow whose hash is below the difficulty', () => {
    const pow = solveK2Pow(input, difficulty, 0n, 100_000)
    expect(pow).toBeDefined()
    expect(compareBytes(hashK2Pow(pow!, input), difficulty)).toBe(-1)
    for (let p = 0n; p < pow!; p++) expect(compareBytes(hashK2Pow(p, input), difficulty)).toBe(1)
  })

  it('is bounded: a search window without a solution returns undefined, callers continue', () => {
    const pow = solveK2Pow(input, difficulty, 0n, 100_000)!
    expect(solveK2Pow(input, difficulty, 0n, Number(pow))).toBeUndefined()
    expect(solveK2Pow(input, difficulty, pow, 1)).toBe(pow)
  })

  it('binds the nonce group, challenge prefix and node id', () => {
    const pow = solveK2Pow(input, difficulty, 0n, 100_000)!
    const h = hashK2Pow(pow, input)
    expect(hashK2Pow(pow, { ...input, nonceGroup: 4 })).not.toEqual(h)
    expect(hashK2Pow(pow, { ...input, nodeId: new Uint8Array(32) })).not.toEqual(h)
    const challenge = input.challenge.slice()
    challenge[7]! ^= 1
    expect(hashK2Pow(pow, { ...input, challenge })).not.toEqual(h)
    // Only challenge[0..8] enters the hash (post-rs layout); the AES keys take all 32 bytes.
    challenge[7]! ^= 1
    challenge[8]! ^= 1
    expect(hashK2Pow(pow, { ...input, challenge })).toEqual(h)
  })

  it('only hashes the low 7 bytes of the pow', () => {
    expect(hashK2Pow(5n + (1n << 56n), input)).toEqual(hashK2Pow(5n, input))
  })

  it('gets harder with more units', () => {
    const one = scalePowDifficulty(difficulty, 1)
    const four = scalePowDifficulty(difficulty, 4)
    expect(compareBytes(four, one)).toBe(-1)
  })
})
