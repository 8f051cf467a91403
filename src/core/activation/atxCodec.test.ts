import { blake3 } from '@noble/hashes/blake3.js'
import { bytesToHex, concatBytes } from '@noble/hashes/utils.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Codec, DecodeError, decode, encode } from '../codec/index.ts'
import {
  type ActivationTxV1,
  activationTxV1Codec,
  innerActivationTxV1Codec,
  MAX_MEMBERSHIP_NODES,
  MAX_POST_CHALLENGE_BYTES,
  MAX_POST_INDICES_BYTES,
} from './atxCodec.ts'
import { computeAtxId } from './computeAtxId.ts'
import { computeChallengeHash } from './computeChallengeHash.ts'
import { malfeasanceProofCodec } from './malfeasanceCodec.ts'
import { atxSignedBytes } from './signAtx.ts'

const fill = (n: number, b: number) => new Uint8Array(n).fill(b)

const sample: ActivationTxV1 = {
  inner: {
    challenge: {
      publishEpoch: 3,
      sequence: 70n,
      prevAtxId: fill(32, 0xaa),
      positioningAtxId: fill(32, 0xbb),
      commitmentAtxId: fill(32, 0xcc),
      initialPost: undefined,
    },
    coinbase: fill(24, 0xdd),
    numUnits: 4,
    nipost: {
      membership: { nodes: [fill(32, 0xee)], leafIndex: 0n },
      post: { nonce: 2, indices: new Uint8Array([0x12, 0x34]), pow: 1n },
      postMetadata: { challenge: fill(32, 0x11), labelsPerUnit: 64n },
    },
    nodeId: undefined,
    vrfNonce: 5n,
  },
  smesherId: fill(32, 0x22),
  signature: fill(64, 0x33),
}

// The same ATX written out field by field as go-scale lays it out (go-spacemesh wire_v1.go).
const challengeBytes = concatBytes(
  new Uint8Array([0x0c]), // PublishEpoch 3, compact 1-byte mode (3 << 2)
  new Uint8Array([0x19, 0x01]), // Sequence 70, compact 2-byte mode (70 << 2 | 1 = 0x0119 LE)
  fill(32, 0xaa),
  fill(32, 0xbb),
  new Uint8Array([0x01]), // CommitmentATXID present
  fill(32, 0xcc),
  new Uint8Array([0x00]), // InitialPost absent
)
const innerBytes = concatBytes(
  challengeBytes,
  fill(24, 0xdd), // Coinbase
  new Uint8Array([0x10]), // NumUnits 4
  new Uint8Array([0x01, 0x04]), // NIPost present; Membership.Nodes count 1
  fill(32, 0xee),
  new Uint8Array([0x00]), // LeafIndex 0
  new Uint8Array([0x01, 0x08, 0x08, 0x12, 0x34, 0x04]), // Post present: Nonce 2, Indices [2 bytes], Pow 1
  new Uint8Array([0x01, 0x80]), // PostMetadata present; Challenge length 32
  fill(32, 0x11),
  new Uint8Array([0x01, 0x01]), // LabelsPerUnit 64, compact 2-byte mode
  new Uint8Array([0x00]), // NodeID absent
  new Uint8Array([0x01, 0x14]), // VRFNonce present, 5
)
const atxBytes = concatBytes(innerBytes, fill(32, 0x22), fill(64, 0x33))

describe('ATX v1 codec', () => {
  it('lays out fields exactly as go-spacemesh ActivationTxV1', () => {
    expect(bytesToHex(encode(activationTxV1Codec, sample))).toBe(bytesToHex(atxBytes))
    expect(decode(activationTxV1Codec, atxBytes)).toEqual(sample)
  })

  it('derives the id, the PoET leaf and the signed bytes from the inner encoding', () => {
    expect(bytesToHex(computeAtxId(sample.inner))).toBe(bytesToHex(blake3(innerBytes)))
    expect(bytesToHex(computeChallengeHash(sample.inner.challenge))).toBe(
      bytesToHex(blake3(concatBytes(new Uint8Array([0]), challengeBytes))),
    )
    const id = computeAtxId(sample.inner)
    expect(bytesToHex(atxSignedBytes(3, id))).toBe(bytesToHex(concatBytes(new Uint8Array([0x0c]), id)))
  })

  it('enforces the bounds of every variable-length field', () => {
    const bounded = (change: (a: ActivationTxV1) => void, offsetOf: (bytes: Uint8Array) => Uint8Array) => {
      const a = structuredClone(sample)
      change(a)
      expect(() => encode(activationTxV1Codec, a)).toThrow(RangeError)
      expect(() => decode(activationTxV1Codec, offsetOf(atxBytes))).toThrow(
        expect.objectContaining({ name: 'DecodeError', code: 'TOO_LONG' }),
      )
    }
    const at = (offset: number, prefix: number[]) => (b: Uint8Array) =>
      concatBytes(b.subarray(0, offset), new Uint8Array(prefix), b.subarray(offset + 1))
    const nodesAt = challengeBytes.length + 24 + 1 + 1
    bounded(
      (a) => void (a.inner.nipost!.membership.nodes = Array(MAX_MEMBERSHIP_NODES + 1).fill(fill(32, 1))),
      at(nodesAt, [(MAX_MEMBERSHIP_NODES + 1) << 2]),
    )
    const indicesAt = nodesAt + 1 + 32 + 1 + 1 + 1
    bounded(
      (a) => void (a.inner.nipost!.post!.indices = new Uint8Array(MAX_POST_INDICES_BYTES + 1)),
      at(indicesAt, [((MAX_POST_INDICES_BYTES + 1) << 2) | 1, (MAX_POST_INDICES_BYTES + 1) >> 6]),
    )
    const challengeAt = indicesAt + 1 + 2 + 1 + 1
    bounded(
      (a) => void (a.inner.nipost!.postMetadata!.challenge = new Uint8Array(MAX_POST_CHALLENGE_BYTES + 1)),
      at(challengeAt, [(MAX_POST_CHALLENGE_BYTES + 1) << 2]),
    )
  })

  it('throws only DecodeError on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        for (const codec of [
          activationTxV1Codec,
          innerActivationTxV1Codec,
          malfeasanceProofCodec,
        ] as Codec<unknown>[]) {
          try {
            decode(codec, bytes)
          } catch (err) {
            if (!(err instanceof DecodeError)) throw err
          }
        }
      }),
      { numRuns: 2000 },
    )
  })

  it('throws only DecodeError on mutated valid ATXs, and what decodes re-encodes identically', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat(atxBytes.length - 1),
            fc.integer({ min: 0, max: 255 }),
            fc.constantFrom('set', 'cut', 'add'),
          ),
          {
            minLength: 1,
            maxLength: 4,
          },
        ),
        (edits) => {
          let b = atxBytes.slice()
          for (const [i, v, op] of edits) {
            const at = Math.min(i, b.length)
            if (op === 'set' && at < b.length) b[at] = v
            if (op === 'cut') b = concatBytes(b.subarray(0, at), b.subarray(at + 1))
            if (op === 'add') b = concatBytes(b.subarray(0, at), new Uint8Array([v]), b.subarray(at))
          }
          try {
            const atx = decode(activationTxV1Codec, b)
            expect(bytesToHex(encode(activationTxV1Codec, atx))).toBe(bytesToHex(b))
          } catch (err) {
            if (!(err instanceof DecodeError)) throw err
          }
        },
      ),
      { numRuns: 3000 },
    )
  })
})
