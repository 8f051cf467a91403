/**
 * The proof checks ATX validation delegates, injected so that validation stays a pure rule list
 * and each proof system lives in its own module (core/post, core/poet). The composition root
 * wires the real ones (see `createNipostVerifiers` in core/sim for the wiring the simulator uses).
 */
import type { PostV1 } from './atxCodec.ts'

export interface PostCheck {
  readonly nodeId: Uint8Array
  readonly commitmentAtxId: Uint8Array
  /** 32 bytes: the PoET proof ref, or zeros for an initial PoST. */
  readonly challenge: Uint8Array
  readonly numUnits: number
  readonly labelsPerUnit: bigint
  readonly proof: PostV1
  /** Re-derive all K2 labels, not a K3 subset: go-spacemesh checks initial PoSTs in full. */
  readonly allIndices: boolean
}

export interface VrfNonceCheck {
  readonly nodeId: Uint8Array
  readonly commitmentAtxId: Uint8Array
  readonly nonce: bigint
  readonly numUnits: number
  readonly labelsPerUnit: bigint
}

export interface MembershipCheck {
  /** The NIPoST challenge hash the smesher registered. */
  readonly leaf: Uint8Array
  readonly leafIndex: bigint
  readonly nodes: readonly Uint8Array[]
  /** The PoET round's statement (membership root). */
  readonly root: Uint8Array
}

export interface NipostVerifiers {
  verifyPost(check: PostCheck): boolean
  verifyVrfNonce(check: VrfNonceCheck): boolean
  verifyMembership(check: MembershipCheck): boolean
}

/** A PoET proof the node has already verified (go-spacemesh `poetdb`), found by its ref. */
export interface PoetProofInfo {
  readonly statement: Uint8Array
  readonly leafCount: bigint
}
