/**
 * PoST proof verification (post-rs `verification.rs` `Verifier::verify`, post-poet.md §2.5):
 * numUnits bounds, the k2pow of the nonce's group, the packed indices' length, then K3 of the
 * K2 indices (`selectIndicesToVerify`) re-derived with the reference label function and tested
 * against the k1 difficulty for the nonce, exactly as the prover tested them.
 *
 * Stricter than post-rs, safe because our network's honest provers never produce these and it
 * closes malleability: pow < 2^56 (the hash sees only 7 bytes, yet the AES keys take all 8, so
 * the top byte would give 256 cipher sets per solution), padding bits zero (else one proof has
 * several encodings), every index < numLabels and all indices distinct (checked for all K2,
 * cheap, not only the K3 re-derived).
 */
import { hexToBytes } from '@noble/hashes/utils.js'
import type { PostParams } from '../params/presets.ts'
import { encryptAes128Block } from './aes128.ts'
import { compareBytes } from './compareBytes.ts'
import { countIndexBits } from './compressIndices.ts'
import { computeCommitment } from './computeCommitment.ts'
import { computeLabel } from './computeLabel.ts'
import { computeProvingDifficulty } from './computeProvingDifficulty.ts'
import { NONCES_PER_GROUP } from './createProver.ts'
import { decompressIndices } from './decompressIndices.ts'
import { deriveCipherKey } from './deriveCipherKey.ts'
import { hashK2Pow } from './hashK2Pow.ts'
import type { PostProof } from './PostProof.ts'
import { PostVerifyError } from './PostVerifyError.ts'
import { scalePowDifficulty } from './scalePowDifficulty.ts'
import { selectIndicesToVerify } from './selectIndicesToVerify.ts'
import { K2POW_NONCE_LIMIT } from './solveK2Pow.ts'

/** What the proof is about (post-rs `ProofMetadata`). */
export interface PostProofMetadata {
  readonly nodeId: Uint8Array
  readonly commitmentAtxId: Uint8Array
  readonly challenge: Uint8Array
  readonly numUnits: number
}

/** The preset's PoST parameters a verifier reads (proving nonces are the prover's business). */
export type PostVerifyParams = Omit<PostParams, 'provingNonces'>

export interface PostVerifyOptions {
  /** Labels to re-derive; default `params.k3`. K3 ≥ K2 checks all in proof order. */
  readonly k3?: number
  /** The subset seed (go-spacemesh: the local peer id); default empty. */
  readonly seed?: Uint8Array
  /**
   * The 16-byte label function; default the TS reference `computeLabel`. Platforms pass the
   * WASM labeler, which must agree with it (post-labels.json vectors).
   */
  readonly computeLabel?: (commitment: Uint8Array, index: number, n: number) => Uint8Array
}

const LSB_MASK = (1n << 56n) - 1n

/** Throws `PostVerifyError` naming the first failed check; returns normally if valid. */
export function verifyPost(
  proof: PostProof,
  metadata: PostProofMetadata,
  params: PostVerifyParams,
  options: PostVerifyOptions = {},
): void {
  const { nodeId, commitmentAtxId, challenge, numUnits } = metadata
  for (const [name, v] of [
    ['nodeId', nodeId],
    ['commitmentAtxId', commitmentAtxId],
    ['challenge', challenge],
  ] as const) {
    if (v.length !== 32) throw new PostVerifyError('BAD_INPUT', `${name}: expected 32 bytes, got ${v.length}`)
  }
  if (!Number.isInteger(numUnits) || numUnits < params.minNumUnits || numUnits > params.maxNumUnits) {
    throw new PostVerifyError(
      'NUM_UNITS_OUT_OF_RANGE',
      `numUnits: expected ${params.minNumUnits}..${params.maxNumUnits}, got ${numUnits}`,
    )
  }
  const numLabels = numUnits * params.labelsPerUnit
  if (!Number.isSafeInteger(numLabels) || numLabels <= params.k1) {
    throw new PostVerifyError(
      'NUM_UNITS_OUT_OF_RANGE',
      `numUnits × labelsPerUnit: expected above K1 = ${params.k1} and below 2^53, got ${numLabels}`,
    )
  }
  // §2.5 step 2: the k2pow of the nonce's group.
  const nonceGroup = Math.floor(proof.nonce / NONCES_PER_GROUP)
  if (nonceGroup > 255) {
    throw new PostVerifyError('NONCE_OUT_OF_RANGE', `nonce: expected group ≤ 255, got nonce ${proof.nonce}`)
  }
  if (proof.pow < 0n || proof.pow >= K2POW_NONCE_LIMIT) {
    throw new PostVerifyError('POW_OUT_OF_RANGE', `pow: expected below 2^56, got ${proof.pow}`)
  }
  const powDifficulty = scalePowDifficulty(hexToBytes(params.powDifficulty), numUnits)
  if (compareBytes(hashK2Pow(proof.pow, { nonceGroup, challenge, nodeId }), powDifficulty) >= 0) {
    throw new PostVerifyError(
      'BAD_POW',
      `pow ${proof.pow}: hash not below the difficulty for group ${nonceGroup}`,
    )
  }
  // §2.5 step 3: exactly K2 packed indices.
  const bits = countIndexBits(numLabels)
  const expected = Math.ceil((bits * params.k2) / 8)
  if (proof.indices.length !== expected) {
    throw new PostVerifyError(
      'BAD_INDICES_LENGTH',
      `indices: expected ${expected} bytes (${params.k2} × ${bits} bits), got ${proof.indices.length}`,
    )
  }
  const usedBits = bits * params.k2
  if (usedBits % 8 !== 0 && proof.indices[expected - 1]! >> (usedBits % 8) !== 0) {
    throw new PostVerifyError('NON_CANONICAL_INDICES', 'indices: padding bits after the last index are set')
  }
  const indices = decompressIndices(proof.indices, bits, params.k2)
  const seen = new Set<number>()
  for (const index of indices) {
    if (index >= numLabels) {
      throw new PostVerifyError('INDEX_OUT_OF_RANGE', `index: expected below ${numLabels}, got ${index}`)
    }
    if (seen.has(index)) throw new PostVerifyError('DUPLICATE_INDEX', `index ${index} appears twice`)
    seen.add(index)
  }
  // §2.5 steps 4–5: re-derive the chosen labels and test them for the proof's nonce.
  const { msb, lsb } = computeProvingDifficulty(params.k1, numLabels)
  const k3 = options.k3 ?? params.k3
  const chosen = selectIndicesToVerify(indices, k3, [options.seed ?? new Uint8Array(0), nodeId, challenge])
  const commitment = computeCommitment(nodeId, commitmentAtxId)
  const groupKey = deriveCipherKey(challenge, nonceGroup, proof.pow)
  const byte = proof.nonce % NONCES_PER_GROUP
  const labelOf = options.computeLabel ?? computeLabel
  for (const { position, index } of chosen) {
    const label = labelOf(commitment, index, params.scryptN)
    const out = encryptAes128Block(groupKey, label)[byte]!
    if (out < msb) continue
    if (out === msb) {
      const lazy = encryptAes128Block(deriveCipherKey(challenge, nonceGroup, proof.pow, proof.nonce), label)
      const low = new DataView(lazy.buffer, lazy.byteOffset, 8).getBigUint64(0, true) & LSB_MASK
      if (low < lsb) continue
    }
    throw new PostVerifyError(
      'LABEL_DOES_NOT_QUALIFY',
      `index ${index} (position ${position}): label does not meet the k1 difficulty for nonce ${proof.nonce}`,
    )
  }
}
