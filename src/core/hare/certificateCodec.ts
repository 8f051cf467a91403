/**
 * Block certificates (go-spacemesh `common/types/block.go`, `blocks/certifier.go`,
 * go-spacemesh.md §2.7). After hare, committee members of the certify round sign the block ID
 * that the hare output produced; a certificate bundles enough of these signatures for a node
 * that missed hare — or a light client — to accept the layer's block without rerunning hare.
 *
 *   CertifyContent = LayerID c32, BlockID [20], EligibilityCnt c16, Proof [80]
 *   CertifyMessage = CertifyContent ‖ Signature [64] ‖ SmesherID [32]   (HARE domain over content)
 *   Certificate    = BlockID [20], Signatures Vec<CertifyMessage, 1000>
 */
import { compact16, compact32, decode, encode, fixedBytes, type Infer, list, struct } from '../codec/index.ts'

/** go-spacemesh `scale:"max=1000"` on Certificate.Signatures. */
export const MAX_CERTIFICATE_SIGNATURES = 1000
/** go-spacemesh `types.BlockID`: 20 bytes. Ballot votes (mesh/ballotCodec.ts) name blocks with it too. */
export const BLOCK_ID_LENGTH = 20

export const certifyContentCodec = struct({
  layer: compact32,
  blockId: fixedBytes(BLOCK_ID_LENGTH),
  eligibilityCount: compact16,
  proof: fixedBytes(80),
})

export const certifyMessageCodec = struct({
  content: certifyContentCodec,
  signature: fixedBytes(64),
  smesherId: fixedBytes(32),
})

export const certificateCodec = struct({
  blockId: fixedBytes(BLOCK_ID_LENGTH),
  signatures: list(certifyMessageCodec, MAX_CERTIFICATE_SIGNATURES),
})

export type CertifyContent = Infer<typeof certifyContentCodec>
export type CertifyMessage = Infer<typeof certifyMessageCodec>
export type Certificate = Infer<typeof certificateCodec>

export function encodeCertificate(cert: Certificate): Uint8Array {
  return encode(certificateCodec, cert)
}

/** Throws only DecodeError. */
export function decodeCertificate(data: Uint8Array): Certificate {
  return decode(certificateCodec, data)
}

export function encodeCertifyMessage(msg: CertifyMessage): Uint8Array {
  return encode(certifyMessageCodec, msg)
}

/** Throws only DecodeError. */
export function decodeCertifyMessage(data: Uint8Array): CertifyMessage {
  return decode(certifyMessageCodec, data)
}
