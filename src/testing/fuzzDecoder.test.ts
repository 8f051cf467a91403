import { describe, expect, it } from 'vitest'
import { bytes, compact64, DecodeError, decode, encode, list, option, struct } from '../core/codec/index.ts'
import { checkDecoder, fuzzDecoder } from './fuzzDecoder.ts'

const record = struct({ id: compact64, data: bytes(16), tags: list(option(compact64), 4) })
const sample = encode(record, { id: 1n << 40n, data: Uint8Array.of(1, 2, 3), tags: [undefined, 7n] })

describe('fuzzDecoder', () => {
  fuzzDecoder('a SCALE struct', (b) => decode(record, b), [sample], { runs: 500 })

  it('catches a decoder that leaks another error on some inputs', () => {
    const leaky = (b: Uint8Array) => {
      if (b.length > 0 && b[0]! >= 0xfd) throw new RangeError('leak')
      if (b.length < 3) throw new DecodeError('TRUNCATED', 'short')
      return b
    }
    expect(() => checkDecoder(leaky, [Uint8Array.of(0, 1, 2)], { runs: 300, seed: 1 })).toThrow(/RangeError/)
  })

  it('requires the valid samples to decode', () => {
    expect(() => checkDecoder((b) => decode(record, b), [Uint8Array.of(9)])).toThrow(DecodeError)
  })
})
