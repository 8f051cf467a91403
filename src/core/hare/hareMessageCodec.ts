/**
 * Hare 3 wire format (go-spacemesh `hare3/types.go`, go-spacemesh.md §2.8):
 *
 *   Message = Body ‖ Sender [32] ‖ Signature [64]
 *   Body    = Layer c32, Iter c8, Round c8, Value, Eligibility{Proof [80], Count c16}
 *   Value   = Proposals Vec<[20], 2350>, Reference Opt<[32]>
 *
 * The signature (HARE domain) covers scale(HareMetadata{Layer c32, Round c32 = absolute round,
 * MsgHash = blake3(scale(Body))}) — the same triple a HareEquivocation malfeasance proof carries,
 * so two signed messages for one (layer, round) with different hashes convict the sender.
 * Bounds: see LIMITS.md and MAX_HARE_MESSAGE_BYTES.
 */
import {
  compact8,
  compact16,
  compact32,
  decode,
  encode,
  fixedBytes,
  type Infer,
  list,
  option,
  struct,
} from '../codec/index.ts'
import { hash32 } from '../crypto/hash.ts'
import { absoluteRound } from './hareRounds.ts'

/** go-spacemesh `scale:"max=2350"` on Value.Proposals. */
export const MAX_HARE_PROPOSALS = 2350
export const PROPOSAL_ID_LENGTH = 20
export const VRF_PROOF_LENGTH = 80

/**
 * Largest encoding the decoder accepts: layer c32 (5) + iter, round c8 (2 + 2) + proposals
 * (compact 2 + 2350 × 20) + reference (1 + 32) + proof 80 + count c16 (4) + sender 32 +
 * signature 64 = 47,224 bytes. The gossip layer may drop larger payloads unread.
 */
export const MAX_HARE_MESSAGE_BYTES = 5 + 2 + 2 + 2 + MAX_HARE_PROPOSALS * 20 + 33 + 80 + 4 + 32 + 64

export const hareValueCodec = struct({
  proposals: list(fixedBytes(PROPOSAL_ID_LENGTH), MAX_HARE_PROPOSALS),
  reference: option(fixedBytes(32)),
})

export const hareBodyCodec = struct({
  layer: compact32,
  iter: compact8,
  round: compact8,
  value: hareValueCodec,
  eligibility: struct({ proof: fixedBytes(VRF_PROOF_LENGTH), count: compact16 }),
})

export const hareMessageCodec = struct({
  body: hareBodyCodec,
  sender: fixedBytes(32),
  signature: fixedBytes(64),
})

export const hareMetadataCodec = struct({ layer: compact32, round: compact32, msgHash: fixedBytes(32) })

export type HareBody = Infer<typeof hareBodyCodec>
export type HareMessage = Infer<typeof hareMessageCodec>
export type HareMetadata = Infer<typeof hareMetadataCodec>

/** Decodes one gossip payload; throws only DecodeError. */
export function decodeHareMessage(data: Uint8Array): HareMessage {
  return decode(hareMessageCodec, data)
}

export function encodeHareMessage(msg: HareMessage): Uint8Array {
  return encode(hareMessageCodec, msg)
}

/** blake3(scale(Body)) (go `Message.ToHash`). */
export function hashHareBody(body: HareBody): Uint8Array {
  return hash32(encode(hareBodyCodec, body))
}

/** What the sender signs: scale(HareMetadata). */
export function encodeHareSignedBytes(body: HareBody): Uint8Array {
  return encode(hareMetadataCodec, {
    layer: body.layer,
    round: absoluteRound(body),
    msgHash: hashHareBody(body),
  })
}
