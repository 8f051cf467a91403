/**
 * ATX v1 identity (go-spacemesh `ActivationTxV1.ID`): blake3 of the SCALE encoding of the inner
 * ATX, i.e. everything but the smesher id and the signature. The id is computed from a
 * re-encoding of the decoded value, as go-spacemesh does, so it never depends on how the bytes
 * arrived.
 */
import { encode } from '../codec/index.ts'
import { hash32 } from '../crypto/index.ts'
import { type InnerActivationTxV1, innerActivationTxV1Codec } from './atxCodec.ts'

export function computeAtxId(inner: InnerActivationTxV1): Uint8Array {
  return hash32(encode(innerActivationTxV1Codec, inner))
}
