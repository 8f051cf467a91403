import { utf8ToBytes } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { selectIndicesToVerify } from './selectIndicesToVerify.ts'

describe('selectIndicesToVerify', () => {
  it('reproduces post-rs random_values_gen test_vec (0..99, empty seed)', () => {
    const expected = [
      39, 13, 95, 77, 36, 41, 74, 17, 59, 87, 91, 63, 40, 20, 94, 78, 48, 60, 18, 32, 67, 43, 23, 69, 71, 1,
      51, 79, 19, 53, 86, 80, 14, 84, 97, 92, 83, 26, 2, 81, 42, 55, 50, 88, 75, 82, 44, 34, 58, 72, 35, 25,
      10, 68, 12, 11, 70, 27, 98, 57, 96, 16, 45, 73, 0, 15, 62, 46, 30, 89, 33, 54, 9, 29, 7, 90, 38, 5, 49,
      61, 93, 99, 22, 6, 64, 24, 76, 85, 37, 65, 31, 4, 52, 3, 56, 21, 8, 28, 66, 47,
    ]
    const values = Array.from({ length: 100 }, (_, i) => i)
    // k3 = 99 shuffles all but the last slot, which the shuffle leaves determined.
    const picked = selectIndicesToVerify(values, 99, []).map((p) => p.index)
    expect(picked).toEqual(expected.slice(0, 99))
  })

  it('picks the §6.3 subset (seed "", node 0x4d×32)', () => {
    const indices = [
      6, 28, 42, 339, 589, 745, 809, 990, 1039, 1329, 1517, 1648, 1769, 1771, 1810, 2015, 2058, 2062, 2127,
      2412, 2420, 2459, 2583, 2637, 2646, 2665, 2705, 2862, 2968, 3000, 3089, 3167, 3241, 3323, 3548, 3587,
      3742,
    ]
    const seed = [
      new Uint8Array(0),
      new Uint8Array(32).fill(0x4d),
      utf8ToBytes('hello world, challenge me!!!!!!!'),
    ]
    expect(selectIndicesToVerify(indices, 1, seed)).toEqual([{ position: 18, index: 2127 }])
    expect(selectIndicesToVerify(indices, 5, seed)).toEqual([
      { position: 18, index: 2127 },
      { position: 6, index: 809 },
      { position: 0, index: 6 },
      { position: 14, index: 1810 },
      { position: 15, index: 2015 },
    ])
  })

  it('returns all indices in proof order when k3 ≥ K2', () => {
    expect(selectIndicesToVerify([5, 3, 9], 3, [])).toEqual([
      { position: 0, index: 5 },
      { position: 1, index: 3 },
      { position: 2, index: 9 },
    ])
  })
})
