/**
 * Wires the real proof systems into the checks ATX validation asks for: core/post's `verifyPost`
 * (K3 of K2 indices re-derived with the reference label function), core/poet's
 * `verifyMembershipProof` (blake3 membership tree) and the VRF-nonce label check.
 * Their typed errors become `false`; the ATX error code names which proof failed.
 */
import type { PostParams } from '../params/presets.ts'
import { verifyMembershipProof } from '../poet/verifyMembershipProof.ts'
import { type computeLabelFull, LABEL_BYTES } from '../post/computeLabel.ts'
import { verifyPost } from '../post/verifyPost.ts'
import type { NipostVerifiers } from './NipostVerifiers.ts'
import { verifyVrfNonce } from './verifyVrfNonce.ts'

export interface CreateNipostVerifiersParameters {
  readonly post: PostParams
  /** Seed of the K3 subset (go-spacemesh uses the local peer id), so nodes check different indices. */
  readonly subsetSeed?: Uint8Array
  /**
   * The full 32-byte label function; default core/post's reference. A platform passes its WASM
   * labeler, the simulator one memo shared by all its nodes (labels are a pure function).
   */
  readonly computeLabelFull?: typeof computeLabelFull
}

export function createNipostVerifiers(p: CreateNipostVerifiersParameters): NipostVerifiers {
  const full = p.computeLabelFull
  const label = full && ((c: Uint8Array, i: number, n: number) => full(c, i, n).subarray(0, LABEL_BYTES))
  const labelOption = label === undefined ? {} : { computeLabel: label }
  return {
    verifyPost(c) {
      // Checked with the ATX's declared labelsPerUnit, as go-spacemesh does; validation already
      // refused values below the network's (LABELS_PER_UNIT_TOO_LOW).
      if (c.labelsPerUnit > BigInt(Number.MAX_SAFE_INTEGER)) return false
      const params = { ...p.post, labelsPerUnit: Number(c.labelsPerUnit) }
      try {
        verifyPost(
          c.proof,
          {
            nodeId: c.nodeId,
            commitmentAtxId: c.commitmentAtxId,
            challenge: c.challenge,
            numUnits: c.numUnits,
          },
          params,
          {
            ...labelOption,
            ...(c.allIndices ? { k3: p.post.k2 } : p.subsetSeed === undefined ? {} : { seed: p.subsetSeed }),
          },
        )
        return true
      } catch (err) {
        if (err instanceof Error && err.name === 'PostVerifyError') return false
        throw err
      }
    },
    verifyVrfNonce(c) {
      return verifyVrfNonce({ ...c, scryptN: p.post.scryptN }, full)
    },
    verifyMembership(c) {
      if (c.leafIndex > BigInt(Number.MAX_SAFE_INTEGER)) return false
      try {
        verifyMembershipProof(c.root, c.leaf, { leafIndex: Number(c.leafIndex), nodes: c.nodes })
        return true
      } catch (err) {
        if (err instanceof Error && err.name === 'PoetProofError') return false
        throw err
      }
    },
  }
}
