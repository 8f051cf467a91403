/**
 * The ATX v1 wire format, byte for byte as go-spacemesh `activation/wire/wire_v1.go` (scalegen).
 *
 *   ActivationTxV1      = InnerActivationTxV1 ‖ SmesherID [32] ‖ Signature [64]
 *   InnerActivationTxV1 = NIPostChallengeV1 ‖ Coinbase [24] ‖ NumUnits c32 ‖ NIPost Opt<NIPostV1>
 *                         ‖ NodeID Opt<[32]> ‖ VRFNonce Opt<c64>
 *   NIPostChallengeV1   = PublishEpoch c32 ‖ Sequence c64 ‖ PrevATXID [32] ‖ PositioningATXID [32]
 *                         ‖ CommitmentATXID Opt<[32]> ‖ InitialPost Opt<PostV1>
 *
 * The challenge is embedded first so that the ATX id commits to everything the PoET saw. Every
 * variable-length field carries go-spacemesh's `scale:"max=N"` bound (derivations in LIMITS.md).
 */
import {
  bytes,
  compact32,
  compact64,
  encode,
  fixedBytes,
  type Infer,
  list,
  option,
  struct,
} from '../codec/index.ts'

/** `PostV1.Indices`: K2 bit-packed indices, `max=800` (K2 ≤ 100 at 64 bits each). */
export const MAX_POST_INDICES_BYTES = 800
/** `MerkleProofV1.Nodes`: `max=32`, a membership tree of up to 2^32 registrations. */
export const MAX_MEMBERSHIP_NODES = 32
/** `PostMetadataV1.Challenge`: `max=32`, the PoET proof reference (a blake3 digest). */
export const MAX_POST_CHALLENGE_BYTES = 32

export const ATX_ID_LENGTH = 32
export const NODE_ID_LENGTH = 32
export const COINBASE_LENGTH = 24

const hash32 = fixedBytes(32)

export const postV1Codec = struct({
  nonce: compact32,
  indices: bytes(MAX_POST_INDICES_BYTES),
  pow: compact64,
})
export type PostV1 = Infer<typeof postV1Codec>

export const merkleProofV1Codec = struct({
  nodes: list(hash32, MAX_MEMBERSHIP_NODES),
  leafIndex: compact64,
})
export type MerkleProofV1 = Infer<typeof merkleProofV1Codec>

export const postMetadataV1Codec = struct({
  challenge: bytes(MAX_POST_CHALLENGE_BYTES),
  labelsPerUnit: compact64,
})
export type PostMetadataV1 = Infer<typeof postMetadataV1Codec>

export const nipostV1Codec = struct({
  membership: merkleProofV1Codec,
  post: option(postV1Codec),
  postMetadata: option(postMetadataV1Codec),
})
export type NIPostV1 = Infer<typeof nipostV1Codec>

export const nipostChallengeV1Codec = struct({
  publishEpoch: compact32,
  sequence: compact64,
  prevAtxId: hash32,
  positioningAtxId: hash32,
  commitmentAtxId: option(hash32),
  initialPost: option(postV1Codec),
})
export type NIPostChallengeV1 = Infer<typeof nipostChallengeV1Codec>

export const innerActivationTxV1Codec = struct({
  challenge: nipostChallengeV1Codec,
  coinbase: fixedBytes(COINBASE_LENGTH),
  numUnits: compact32,
  nipost: option(nipostV1Codec),
  nodeId: option(fixedBytes(NODE_ID_LENGTH)),
  vrfNonce: option(compact64),
})
export type InnerActivationTxV1 = Infer<typeof innerActivationTxV1Codec>

export const activationTxV1Codec = struct({
  inner: innerActivationTxV1Codec,
  smesherId: fixedBytes(NODE_ID_LENGTH),
  signature: fixedBytes(64),
})
export type ActivationTxV1 = Infer<typeof activationTxV1Codec>

/** `ATXMetadataV1`: what the smesher signs (domain ATX), and what a double-publish proof carries. */
export const atxMetadataV1Codec = struct({
  publishEpoch: compact32,
  msgHash: hash32,
})
export type AtxMetadataV1 = Infer<typeof atxMetadataV1Codec>

/** The all-zero ATX id: "no previous ATX" (go-spacemesh `types.EmptyATXID`). */
export const EMPTY_ATX_ID: Uint8Array = new Uint8Array(ATX_ID_LENGTH)

/** Encodes a full signed ATX to its gossip bytes. */
export function encodeAtx(atx: ActivationTxV1): Uint8Array {
  return encode(activationTxV1Codec, atx)
}
