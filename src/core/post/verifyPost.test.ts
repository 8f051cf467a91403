import { describe, expect, it } from 'vitest'
import { sim } from '../params/presets.ts'
import { compressIndices } from './compressIndices.ts'
import { computeCommitment } from './computeCommitment.ts'
import { computeLabel } from './computeLabel.ts'
import { decompressIndices } from './decompressIndices.ts'
import type { PostProof } from './PostProof.ts'
import { PostVerifyError } from './PostVerifyError.ts'
import { provePost } from './provePost.ts'
import { type PostProofMetadata, verifyPost } from './verifyPost.ts'

// A tiny allocation: 48 labels/unit × 2 units = 96 labels → 7-bit indices, 28 bits in 4 bytes,
// so there are padding bits and representable indices ≥ numLabels. The pow threshold 2^248
// (one hash in 256) makes tampering with pow-bound inputs fail the PoW.
const params = { ...sim.post, labelsPerUnit: 48, powDifficulty: `01${'00'.repeat(31)}` }
const nodeId = new Uint8Array(32).fill(0x4d)
const commitmentAtxId = new Uint8Array(32).fill(0xa7)
const challenge = new Uint8Array(32).fill(0x11)
const meta: PostProofMetadata = { nodeId, commitmentAtxId, challenge, numUnits: 2 }
const numLabels = 96

const labelsFor = (commitment: Uint8Array): Uint8Array => {
  const data = new Uint8Array(numLabels * 16)
  for (let i = 0; i < numLabels; i++) data.set(computeLabel(commitment, i, params.scryptN), 16 * i)
  return data
}
const data = labelsFor(computeCommitment(nodeId, commitmentAtxId))
const prove = (labels: Uint8Array, c = challenge): PostProof =>
  provePost({
    challenge: c,
    nodeId,
    numUnits: 2,
    params,
    readLabels: (start, count) => labels.subarray(16 * start, 16 * (start + count)),
    batchLabels: 32,
  })
const proof = prove(data)

const codeOf = (p: PostProof, m: PostProofMetadata = meta, options = {}): string => {
  try {
    verifyPost(p, m, params, options)
    return 'VALID'
  } catch (err) {
    expect(err).toBeInstanceOf(PostVerifyError)
    return (err as PostVerifyError).code
  }
}
const withIndices = (indices: number[]): PostProof => ({ ...proof, indices: compressIndices(indices, 7) })
const indices = decompressIndices(proof.indices, 7, params.k2)

describe('verifyPost', () => {
  it('accepts an honest proof, with all indices and with a K3 subset', () => {
    expect(proof.indices.length).toBe(4)
    expect(codeOf(proof)).toBe('VALID')
    expect(codeOf(proof, meta, { k3: 1, seed: new Uint8Array([1, 2, 3]) })).toBe('VALID')
  })

  it('uses an injected label function (the WASM labeler on platforms)', () => {
    const asked: number[] = []
    const stored = (_c: Uint8Array, i: number) => {
      asked.push(i)
      return data.subarray(16 * i, 16 * i + 16)
    }
    expect(codeOf(proof, meta, { computeLabel: stored })).toBe('VALID')
    expect(asked).toEqual(indices)
    const zeros = () => new Uint8Array(16)
    expect(codeOf(proof, meta, { computeLabel: zeros })).not.toBe('VALID')
  })

  it('rejects a proof computed over data that is not the committed labels', () => {
    const other = labelsFor(computeCommitment(nodeId, new Uint8Array(32)))
    expect(codeOf(prove(other))).toBe('LABEL_DOES_NOT_QUALIFY')
  })

  it('rejects a wrong nonce', () => {
    expect(codeOf({ ...proof, nonce: proof.nonce ^ 1 })).toBe('LABEL_DOES_NOT_QUALIFY')
    expect(codeOf({ ...proof, nonce: proof.nonce + 16 })).toBe('BAD_POW')
    expect(codeOf({ ...proof, nonce: 4096 })).toBe('NONCE_OUT_OF_RANGE')
  })

  it('rejects wrong indices', () => {
    const nonQualifying = Array.from({ length: numLabels }, (_, i) => i).find((i) => {
      return !indices.includes(i) && codeOf(withIndices([i, ...indices.slice(1)])) !== 'VALID'
    })
    expect(nonQualifying).toBeDefined()
    expect(codeOf(withIndices([nonQualifying!, ...indices.slice(1)]))).toBe('LABEL_DOES_NOT_QUALIFY')
    expect(codeOf(withIndices([indices[1]!, ...indices.slice(1)]))).toBe('DUPLICATE_INDEX')
    expect(codeOf(withIndices([127, ...indices.slice(1)]))).toBe('INDEX_OUT_OF_RANGE')
    expect(codeOf({ ...proof, indices: proof.indices.subarray(0, 3) })).toBe('BAD_INDICES_LENGTH')
    const padded = proof.indices.slice()
    padded[3]! |= 0x80
    expect(codeOf({ ...proof, indices: padded })).toBe('NON_CANONICAL_INDICES')
  })

  it('rejects a bad PoW', () => {
    expect(codeOf({ ...proof, pow: proof.pow + 1n })).toBe('BAD_POW')
    expect(codeOf({ ...proof, pow: proof.pow + (1n << 56n) })).toBe('POW_OUT_OF_RANGE')
  })

  it('rejects a wrong challenge and a wrong node id', () => {
    const c = challenge.slice()
    c[20]! ^= 0xff // beyond the 8 bytes the PoW covers: only the labels' test catches it
    expect(codeOf(proof, { ...meta, challenge: c })).toBe('LABEL_DOES_NOT_QUALIFY')
    const c0 = challenge.slice()
    c0[0]! ^= 0xff
    expect(codeOf(proof, { ...meta, challenge: c0 })).toBe('BAD_POW')
    expect(codeOf(proof, { ...meta, nodeId: new Uint8Array(32).fill(0x4e) })).toBe('BAD_POW')
  })

  it('rejects numUnits outside the preset and malformed metadata', () => {
    expect(codeOf(proof, { ...meta, numUnits: 0 })).toBe('NUM_UNITS_OUT_OF_RANGE')
    expect(codeOf(proof, { ...meta, numUnits: params.maxNumUnits + 1 })).toBe('NUM_UNITS_OUT_OF_RANGE')
    expect(codeOf(proof, { ...meta, challenge: new Uint8Array(31) })).toBe('BAD_INPUT')
    const huge = { ...params, maxNumUnits: 2 ** 32 - 1, labelsPerUnit: 2 ** 32 }
    expect(() => verifyPost(proof, { ...meta, numUnits: 2 ** 22 }, huge)).toThrow(
      expect.objectContaining({ code: 'NUM_UNITS_OUT_OF_RANGE' }),
    )
  })
})
