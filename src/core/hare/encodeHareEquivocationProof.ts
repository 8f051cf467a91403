/**
 * Malfeasance evidence for a hare equivocation (go-spacemesh `malfeasance/wire`, legacy type 3,
 * go-spacemesh.md §2.10): MalfeasanceProof = Layer c32, Type u8 = 3, then two
 * {HareMetadata{Layer c32, Round c32, MsgHash [32]}, SmesherID [32], Signature [64]}. Anyone can
 * check it: both signatures verify under one key, same layer and round, different hashes.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { array, compact32, decode, encode, fixedBytes, type Infer, struct, u8 } from '../codec/index.ts'
import { SigningDomain, verifySignature } from '../crypto/signing.ts'
import type { EquivocationPair } from './GradedGossip.ts'
import { hareMetadataCodec, hashHareBody } from './hareMessageCodec.ts'
import { absoluteRound } from './hareRounds.ts'

export const HARE_EQUIVOCATION_TYPE = 3

const proofMsg = struct({ metadata: hareMetadataCodec, smesherId: fixedBytes(32), signature: fixedBytes(64) })
export const hareEquivocationProofCodec = struct({ layer: compact32, type: u8, messages: array(proofMsg, 2) })
export type HareEquivocationProof = Infer<typeof hareEquivocationProofCodec>

export function encodeHareEquivocationProof(pair: EquivocationPair): Uint8Array {
  const messages = pair.map((m) => ({
    metadata: { layer: m.body.layer, round: absoluteRound(m.body), msgHash: hashHareBody(m.body) },
    smesherId: m.sender,
    signature: m.signature,
  }))
  return encode(hareEquivocationProofCodec, {
    layer: pair[0].body.layer,
    type: HARE_EQUIVOCATION_TYPE,
    messages,
  })
}

/** True when the bytes prove that one identity signed two different messages for one round. */
export function verifyHareEquivocationProof(data: Uint8Array, genesisId: Uint8Array): boolean {
  let p: HareEquivocationProof
  try {
    p = decode(hareEquivocationProofCodec, data)
  } catch {
    return false
  }
  const [a, b] = p.messages as [Infer<typeof proofMsg>, Infer<typeof proofMsg>]
  if (p.type !== HARE_EQUIVOCATION_TYPE || bytesToHex(a.smesherId) !== bytesToHex(b.smesherId)) return false
  if (a.metadata.layer !== b.metadata.layer || a.metadata.round !== b.metadata.round) return false
  if (a.metadata.layer !== p.layer || bytesToHex(a.metadata.msgHash) === bytesToHex(b.metadata.msgHash))
    return false
  return [a, b].every((m) =>
    verifySignature(
      m.smesherId,
      genesisId,
      SigningDomain.HARE,
      encode(hareMetadataCodec, m.metadata),
      m.signature,
    ),
  )
}
