/**
 * The smesher's contract with its runtime (CONVENTIONS 2: ask, never fetch): the runtime feeds
 * events in and executes the effects that come out. Nothing here awaits; a PoET request, a PoST
 * proof or a timer is an effect, and its outcome comes back as an event.
 */
import type { ActivationTxV1, MerkleProofV1, PostV1 } from '../activation/atxCodec.ts'

export type SmesherEffect =
  /** Label the PoST data, find the VRF nonce and prove the initial PoST (zero challenge). */
  | { readonly kind: 'initPost'; readonly commitmentAtxId: Uint8Array; readonly numUnits: number }
  /** Submit the challenge hash to a PoET for the round; answer with poetRegistered/Failed. */
  | {
      readonly kind: 'registerPoet'
      readonly poetId: string
      readonly round: number
      readonly challengeHash: Uint8Array
      /** Registration is useless after this (the round opens). */
      readonly deadlineMs: number
    }
  /** Ask a PoET for the round's proof and our membership proof; answer with poetProof/Unavailable. */
  | {
      readonly kind: 'fetchPoetProof'
      readonly poetId: string
      readonly round: number
      readonly challengeHash: Uint8Array
    }
  /** Prove PoST over `challenge` (the PoET proof ref); answer with postProved/postFailed. */
  | {
      readonly kind: 'provePost'
      readonly challenge: Uint8Array
      readonly commitmentAtxId: Uint8Array
      readonly numUnits: number
    }
  | { readonly kind: 'publishAtx'; readonly atx: ActivationTxV1 }
  | { readonly kind: 'wakeAt'; readonly timeMs: number }
  /** A publish epoch given up, with the reason: the runtime logs and counts it. */
  | { readonly kind: 'epochMissed'; readonly publishEpoch: number; readonly reason: string }

export type SmesherEvent =
  | {
      readonly kind: 'postInitialized'
      readonly commitmentAtxId: Uint8Array
      readonly vrfNonce: bigint
      readonly initialPost: PostV1
    }
  | { readonly kind: 'poetRegistered'; readonly poetId: string; readonly round: number }
  | {
      readonly kind: 'poetRegistrationFailed'
      readonly poetId: string
      readonly round: number
      readonly reason: string
    }
  | {
      readonly kind: 'poetProof'
      readonly poetId: string
      readonly round: number
      /** blake3(scale(PoetProof)): the PoST challenge and the NIPoST's PostMetadata.Challenge. */
      readonly ref: Uint8Array
      readonly leafCount: bigint
      readonly membership: MerkleProofV1
    }
  | {
      readonly kind: 'poetProofUnavailable'
      readonly poetId: string
      readonly round: number
      readonly reason: string
    }
  | { readonly kind: 'postProved'; readonly challenge: Uint8Array; readonly proof: PostV1 }
  | { readonly kind: 'postFailed'; readonly challenge: Uint8Array; readonly reason: string }
