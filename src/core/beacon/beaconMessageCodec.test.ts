import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Codec, DecodeError, decode, encode } from '../codec/index.ts'
import {
  beaconProposalCodec,
  firstVotingCodec,
  followingVotingCodec,
  MAX_BEACON_PROPOSALS,
  weakCoinCodec,
} from './beaconMessageCodec.ts'

function onlyDecodeErrors<T>(codec: Codec<T>) {
  return (data: Uint8Array) => {
    try {
      decode(codec, data)
    } catch (e) {
      expect(e).toBeInstanceOf(DecodeError)
    }
  }
}

describe('beacon codecs', () => {
  it('throw only DecodeError on arbitrary bytes', () => {
    for (const [i, c] of [
      beaconProposalCodec,
      firstVotingCodec,
      followingVotingCodec,
      weakCoinCodec,
    ].entries()) {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), onlyDecodeErrors<unknown>(c as Codec<unknown>)),
        {
          seed: 40 + i,
        },
      )
    }
  })

  it('bound the first-vote lists', () => {
    const body = { epoch: 3, valid: [] as Uint8Array[], potentiallyValid: [] as Uint8Array[] }
    const msg = { body, smesherId: new Uint8Array(32), signature: new Uint8Array(64) }
    const bytes = encode(firstVotingCodec, msg)
    expect(decode(firstVotingCodec, bytes)).toEqual(msg)
    const over = bytes.slice()
    const len = ((MAX_BEACON_PROPOSALS + 1) << 2) | 1 // compact two-byte mode
    const patched = new Uint8Array(over.length + 1)
    patched.set(over.subarray(0, 1))
    patched[1] = len & 0xff
    patched[2] = len >> 8
    patched.set(over.subarray(2), 3)
    expect(() => decode(firstVotingCodec, patched)).toThrow(expect.objectContaining({ code: 'TOO_LONG' }))
  })
})
