/**
 * PoST initialization for a simulated identity, in memory (post-poet.md §1): every label with
 * the real scrypt-jane label function, the VRF nonce as the index of the smallest full 32-byte
 * label below `PowDifficulty(numLabels)` (continuing past the data, as Go does, if none
 * qualifies), and the initial PoST over the zero challenge with the real prover.
 */
import type { PostV1 } from '../activation/atxCodec.ts'
import { bytesToBigInt, computeVrfNonceDifficulty } from '../activation/verifyVrfNonce.ts'
import type { PostParams } from '../params/presets.ts'
import { computeCommitment } from '../post/computeCommitment.ts'
import { computeLabelFull, LABEL_BYTES } from '../post/computeLabel.ts'
import { provePost } from '../post/provePost.ts'

export interface SimPostData {
  readonly labels: Uint8Array
  readonly vrfNonce: bigint
  readonly initialPost: PostV1
}

export function initializeSimPost(
  nodeId: Uint8Array,
  commitmentAtxId: Uint8Array,
  numUnits: number,
  post: PostParams,
): SimPostData {
  const numLabels = numUnits * post.labelsPerUnit
  const commitment = computeCommitment(nodeId, commitmentAtxId)
  const labels = new Uint8Array(numLabels * LABEL_BYTES)
  const difficulty = computeVrfNonceDifficulty(BigInt(numLabels))
  let best: { index: number; value: bigint } | undefined
  for (let i = 0; i < numLabels; i++) {
    const full = computeLabelFull(commitment, i, post.scryptN)
    labels.set(full.subarray(0, LABEL_BYTES), i * LABEL_BYTES)
    const value = bytesToBigInt(full)
    if (value < difficulty && (best === undefined || value < best.value)) best = { index: i, value }
  }
  for (let i = numLabels; best === undefined; i++) {
    const value = bytesToBigInt(computeLabelFull(commitment, i, post.scryptN))
    if (value < difficulty) best = { index: i, value }
  }
  const initialPost = provePost({
    challenge: new Uint8Array(32),
    nodeId,
    numUnits,
    params: post,
    readLabels: (start, count) => labels.subarray(start * LABEL_BYTES, (start + count) * LABEL_BYTES),
  })
  return { labels, vrfNonce: BigInt(best.index), initialPost }
}
