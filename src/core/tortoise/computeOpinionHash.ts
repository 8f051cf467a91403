/**
 * The opinion ("aggregated", "mesh") hash of one layer (go-spacemesh `tortoise/opinionhash`,
 * `tortoise/state.go` computeOpinion; go-spacemesh.md §5):
 *
 *   h_L = blake3(h_{L−1} ‖ body)     (h_{L−1} omitted for the first layer of the window)
 *   body = 00                              abstain (Hare has not terminated)
 *        | for each supported block, sorted by (height, ID): ID(20) ‖ height u64 LE
 *        | empty                           no supported block ("against" all)
 *
 * The chain makes one 32-byte value commit to a whole history of votes: a ballot carries it as
 * OpinionHash, and the verifying tortoise counts a ballot as good exactly when it equals the
 * local hash of the previous layer. Proposals carry the hash of layer − 1 as MeshHash.
 */
import { hash32 } from '../crypto/hash.ts'
import { compareBytes } from '../eligibility/computeActiveSetHash.ts'

export interface BlockHeader {
  readonly id: Uint8Array
  readonly height: bigint
}

export type LayerOpinion =
  | { readonly abstain: true }
  | { readonly abstain: false; readonly support: readonly BlockHeader[] }

export const ABSTAIN: LayerOpinion = Object.freeze({ abstain: true })

export function sortBlockHeaders<T extends BlockHeader>(blocks: T[]): T[] {
  return blocks.sort((a, b) =>
    a.height !== b.height ? (a.height < b.height ? -1 : 1) : compareBytes(a.id, b.id),
  )
}

export function computeOpinionHash(previous: Uint8Array | undefined, opinion: LayerOpinion): Uint8Array {
  const parts: Uint8Array[] = previous === undefined ? [] : [previous]
  if (opinion.abstain) parts.push(Uint8Array.of(0))
  else {
    for (const block of sortBlockHeaders([...opinion.support])) {
      const height = new Uint8Array(8)
      new DataView(height.buffer).setBigUint64(0, block.height, true)
      parts.push(block.id, height)
    }
  }
  return hash32(...parts)
}
