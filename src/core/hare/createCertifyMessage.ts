/**
 * The certify message of one identity for the block hare produced (go-spacemesh
 * `Certifier.certifySingleSigner`): draw a seat in the certify round (`CERTIFY_ROUND`, certifier
 * committee, 200 on mainnet) and, if eligible, sign the content with the HARE domain.
 */
import { encode } from '../codec/index.ts'
import { publicKeyFromSeed, SigningDomain, signMessage } from '../crypto/signing.ts'
import { CERTIFY_ROUND } from '../eligibility/encodeVrfMessages.ts'
import { proveHareEligibility } from '../eligibility/proveHareEligibility.ts'
import { type CertifyMessage, certifyContentCodec } from './certificateCodec.ts'

export interface CertifyInput {
  readonly layer: number
  readonly blockId: Uint8Array
  readonly beacon: Uint8Array
  readonly genesisId: Uint8Array
  /** Certifier committee size. */
  readonly committee: number
  readonly weight: bigint
  readonly totalWeight: bigint
}

/** undefined when the identity holds no certify seat. */
export function createCertifyMessage(
  secretSeed: Uint8Array,
  input: CertifyInput,
): CertifyMessage | undefined {
  const e = proveHareEligibility(secretSeed, { ...input, round: CERTIFY_ROUND })
  if (e === undefined) return undefined
  const content = { layer: input.layer, blockId: input.blockId, eligibilityCount: e.count, proof: e.proof }
  const signature = signMessage(
    secretSeed,
    input.genesisId,
    SigningDomain.HARE,
    encode(certifyContentCodec, content),
  )
  return { content, signature, smesherId: publicKeyFromSeed(secretSeed) }
}
