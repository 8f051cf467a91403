import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DecodeError, decode, encode } from '../codec/index.ts'
import { buildMembershipTree } from './buildMembershipTree.ts'
import { membershipProofCodec } from './membershipProofCodec.ts'
import { PoetProver } from './PoetProver.ts'
import { decodePoetProof, encodePoetProof } from './poetProofCodec.ts'

const prover = new PoetProver(new Uint8Array(32).fill(3))
prover.step(160)
const proof = prover.prove()
const encoded = encodePoetProof(proof)

function onlyDecodeErrors(f: () => unknown): void {
  try {
    f()
  } catch (err) {
    if (!(err instanceof DecodeError)) throw err
  }
}

describe('PoET proof SCALE codec (go-spacemesh types.PoetProof)', () => {
  it('round-trips and has the upstream layout', () => {
    expect(decodePoetProof(encoded)).toEqual(proof)
    // Root: compact length 32 (0x80) then 32 bytes; LeafCount: compact64 at the end
    // (160 in the two-byte mode: (160 << 2 | 1) little-endian = 0x81 0x02).
    expect(encoded[0]).toBe(32 << 2)
    expect([...encoded.subarray(encoded.length - 2)]).toEqual([0x81, 0x02])
    // 150 opened labels (compact 150 = 0x59 0x02) each 1 + 32 bytes.
    expect([...encoded.subarray(33, 35)]).toEqual([0x59, 0x02])
    expect(encoded.length).toBe(33 + 2 + 150 * 33 + 1 + 33 * proof.proofNodes.length + 2)
  })

  it('refuses nodes that are not 32 bytes, counts over the bounds and zero leaves', () => {
    const shortRoot = new Uint8Array([31 << 2, ...new Uint8Array(31), 0, 0, 1, 0, 0, 0, 0, 0, 0, 0])
    expect(() => decodePoetProof(shortRoot)).toThrow(DecodeError)
    const tooMany = new Uint8Array([32 << 2, ...new Uint8Array(32), 0x5d, 0x02]) // 151 leaves
    expect(() => decodePoetProof(tooMany)).toThrow(/at most 150/)
    const zeroLeaves = new Uint8Array([32 << 2, ...new Uint8Array(32), 0, 0, ...new Uint8Array(8)])
    expect(() => decodePoetProof(zeroLeaves)).toThrow(/leaf count/)
  })

  it('throws only DecodeError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        onlyDecodeErrors(() => decodePoetProof(bytes))
        onlyDecodeErrors(() => decode(membershipProofCodec, bytes))
      }),
      { numRuns: 2000 },
    )
  })

  it('throws only DecodeError on mutated and truncated encodings', () => {
    fc.assert(
      fc.property(
        fc.nat(encoded.length - 1),
        fc.integer({ min: 0, max: 255 }),
        fc.nat(encoded.length),
        (at, value, cut) => {
          const mutated = encoded.slice()
          mutated[at] = value
          onlyDecodeErrors(() => decodePoetProof(mutated))
          onlyDecodeErrors(() => decodePoetProof(encoded.subarray(0, cut)))
        },
      ),
      { numRuns: 500 },
    )
  })

  it('membership proof round-trips and rejects an index beyond its height', () => {
    const tree = buildMembershipTree([1, 2, 3, 4, 5].map((k) => new Uint8Array(32).fill(k)))
    const mp = tree.proveMember(4)
    expect(decode(membershipProofCodec, encode(membershipProofCodec, mp))).toEqual(mp)
    const bad = encode(membershipProofCodec, { ...mp, leafIndex: 8 })
    expect(() => decode(membershipProofCodec, bad)).toThrow(DecodeError)
  })
})
