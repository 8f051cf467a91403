/**
 * Legacy (v1) malfeasance proof, as go-spacemesh `malfeasance/wire/malfeasance.go` encodes it:
 *
 *   MalfeasanceProof = Layer c32 ‖ Type u8 (one raw byte) ‖ Data
 *   Type 1 MultipleATXs = [2]{ ATXMetadata{Publish c32, MsgHash [32]}, SmesherID [32], Signature [64] }
 *
 * Only the ATX double-publish variant is implemented here; the ballot and Hare variants (2, 3) and
 * the ATX-embedding ones (4, 5) are decoded as unknown tags until their owners add them.
 */
import { array, compact32, fixedBytes, type Infer, struct, taggedUnion } from '../codec/index.ts'
import { atxMetadataV1Codec } from './atxCodec.ts'

export const MALFEASANCE_MULTIPLE_ATXS = 1

export const atxProofMsgCodec = struct({
  innerMsg: atxMetadataV1Codec,
  smesherId: fixedBytes(32),
  signature: fixedBytes(64),
})
export type AtxProofMsg = Infer<typeof atxProofMsgCodec>

export const malfeasanceProofCodec = struct({
  layer: compact32,
  proof: taggedUnion({
    multipleAtxs: [MALFEASANCE_MULTIPLE_ATXS, array(atxProofMsgCodec, 2)],
  }),
})
export type MalfeasanceProof = Infer<typeof malfeasanceProofCodec>
