/**
 * Signing an ATX (go-spacemesh `ActivationTxV1.Sign` / `SignedBytes`): the smesher signs, with
 * domain ATX (0) and the genesis prefix, scale(ATXMetadataV1{PublishEpoch, ID}). Signing the
 * epoch beside the id lets a double-publish proof show two signed (epoch, id) pairs without
 * carrying both ATXs in full.
 */
import { encode } from '../codec/index.ts'
import { publicKeyFromSeed, SigningDomain, signMessage } from '../crypto/index.ts'
import { type ActivationTxV1, atxMetadataV1Codec, type InnerActivationTxV1 } from './atxCodec.ts'
import { computeAtxId } from './computeAtxId.ts'

/** The bytes an ATX signature covers (before the genesis prefix and domain byte). */
export function atxSignedBytes(publishEpoch: number, atxId: Uint8Array): Uint8Array {
  return encode(atxMetadataV1Codec, { publishEpoch, msgHash: atxId })
}

/** Signs `inner` with the identity's 32-byte ed25519 seed; returns the full ATX. */
export function signAtx(seed: Uint8Array, genesisId: Uint8Array, inner: InnerActivationTxV1): ActivationTxV1 {
  const message = atxSignedBytes(inner.challenge.publishEpoch, computeAtxId(inner))
  return {
    inner,
    smesherId: publicKeyFromSeed(seed),
    signature: signMessage(seed, genesisId, SigningDomain.ATX, message),
  }
}
