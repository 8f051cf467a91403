import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DecodeError } from '../codec/index.ts'
import { decodeCertificate, decodeCertifyMessage } from './certificateCodec.ts'
import {
  decodeHareMessage,
  encodeHareMessage,
  type HareMessage,
  MAX_HARE_MESSAGE_BYTES,
  MAX_HARE_PROPOSALS,
} from './hareMessageCodec.ts'

const onlyDecodeErrors = (decode: (b: Uint8Array) => unknown) => (data: Uint8Array) => {
  try {
    decode(data)
  } catch (e) {
    expect(e).toBeInstanceOf(DecodeError)
  }
}

const message = (n: number) => ({
  body: {
    layer: 5,
    iter: 1,
    round: 3,
    value: {
      proposals: Array.from({ length: n }, (_, i) => new Uint8Array(20).fill(i & 0xff)),
      reference: undefined,
    },
    eligibility: { proof: new Uint8Array(80).fill(3), count: 2 },
  },
  sender: new Uint8Array(32).fill(1),
  signature: new Uint8Array(64).fill(2),
})

describe('hare and certificate codecs', () => {
  it('throw only DecodeError on arbitrary bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), onlyDecodeErrors(decodeHareMessage)), {
      seed: 5,
    })
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), onlyDecodeErrors(decodeCertificate)), {
      seed: 6,
    })
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), onlyDecodeErrors(decodeCertifyMessage)), {
      seed: 7,
    })
  })

  it('throw only DecodeError on mutations of a valid message', () => {
    const valid = encodeHareMessage(message(3))
    fc.assert(
      fc.property(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 }), (at, v) => {
        const b = valid.slice()
        b[at] = v
        onlyDecodeErrors(decodeHareMessage)(b)
      }),
      { seed: 8 },
    )
  })

  it('round-trips and enforces the proposal bound', () => {
    const m = message(MAX_HARE_PROPOSALS)
    const bytes = encodeHareMessage(m)
    expect(decodeHareMessage(bytes)).toEqual(m)
    expect(bytes.length).toBeLessThanOrEqual(MAX_HARE_MESSAGE_BYTES)
    const widest: HareMessage = {
      ...m,
      body: {
        ...m.body,
        layer: 2 ** 32 - 1,
        iter: 255,
        round: 255,
        value: { ...m.body.value, reference: new Uint8Array(32) },
        eligibility: { ...m.body.eligibility, count: 0xffff },
      },
    }
    expect(encodeHareMessage(widest).length).toBe(MAX_HARE_MESSAGE_BYTES)
    // patch the list length (after layer, iter, round: 1 byte each here) to 2351
    const over = bytes.slice()
    const len = ((MAX_HARE_PROPOSALS + 1) << 2) | 1
    over[3] = len & 0xff
    over[4] = len >> 8
    expect(() => decodeHareMessage(over)).toThrow(expect.objectContaining({ code: 'TOO_LONG' }))
  })
})
