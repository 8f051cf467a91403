import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compressIndices, countIndexBits } from './compressIndices.ts'
import { decompressIndices } from './decompressIndices.ts'

describe('compressIndices (post-rs compression.rs vectors)', () => {
  it('packs LSB first, keeping the low bits of each index', () => {
    const indices = [0, 0b1111_1111_1111_0101, 0, 0b1111_1111_0000_1111]
    expect([...compressIndices(indices, 3)]).toEqual([0b00_101_000, 0b0000_1110])
    expect([...compressIndices(indices, 16)]).toEqual([0, 0, 0xf5, 0xff, 0, 0, 0x0f, 0xff])
  })

  it('uses the bit length of numLabels itself', () => {
    expect([0, 1, 2 ** 19, 4096, 2 ** 34].map(countIndexBits)).toEqual([0, 1, 20, 13, 35])
  })

  it('round-trips any indices that fit the width', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 53 }), fc.array(fc.nat(), { maxLength: 40 }), (bits, raw) => {
        const indices = raw.map((v) => v % 2 ** bits)
        const packed = compressIndices(indices, bits)
        expect(packed.length).toBe(Math.ceil((bits * indices.length) / 8))
        expect(decompressIndices(packed, bits, indices.length)).toEqual(indices)
      }),
    )
  })
})
