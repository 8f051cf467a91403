/**
 * Light-client check of a block certificate against the layer's active set (go-spacemesh
 * `Certifier.validateCert`). Each message must be signed (HARE domain) by an active identity
 * whose certify-round VRF proof gives exactly the seats it claims; the seats must sum to at
 * least the threshold (go-spacemesh: CommitteeSize/2 + 1 = 101 of 200).
 *
 * Stricter than go-spacemesh on purpose: go skips invalid messages, does not compare each
 * message's layer and block ID with the certificate's, does not de-duplicate signers and sums
 * in uint16. A light client has no hare of its own to fall back on, so here any bad entry fails
 * the whole certificate, every entry must name this layer and block, and a signer counts once.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { encode } from '../codec/index.ts'
import { SigningDomain, verifySignature } from '../crypto/signing.ts'
import { compareBytes } from '../eligibility/computeActiveSetHash.ts'
import { EligibilityError } from '../eligibility/EligibilityError.ts'
import { CERTIFY_ROUND } from '../eligibility/encodeVrfMessages.ts'
import { validateHareEligibility } from '../eligibility/validateHareEligibility.ts'
import { type Certificate, type CertifyMessage, certifyContentCodec } from './certificateCodec.ts'

export type CertificateErrorCode =
  | 'WRONG_LAYER' // an entry certifies another layer
  | 'WRONG_BLOCK' // an entry certifies another block than the certificate names
  | 'BAD_SIGNATURE' // an entry's HARE-domain signature does not verify
  | 'NOT_ACTIVE' // an entry's signer is not in the active set
  | 'NOT_ELIGIBLE' // an entry's VRF proof or seat count does not check out
  | 'DUPLICATE_SIGNER' // the same identity signs twice
  | 'BELOW_THRESHOLD' // valid seats sum to less than the threshold

export class CertificateError extends Error {
  override readonly name = 'CertificateError'
  constructor(
    readonly code: CertificateErrorCode,
    message: string,
    readonly index?: number,
  ) {
    super(index === undefined ? message : `${message} (entry ${index})`)
  }
}

export interface CertificateContext {
  readonly layer: number
  readonly beacon: Uint8Array
  readonly genesisId: Uint8Array
  /** Certifier committee size (go-spacemesh `CertConfig.CommitteeSize`). */
  readonly committee: number
  /** Seats needed; defaults to committee/2 + 1. */
  readonly threshold?: number
  /** ATX weight by lowercase hex node ID, for the layer's active set. */
  readonly weights: ReadonlyMap<string, bigint>
  readonly totalWeight: bigint
}

export type VerifyCertificateResult =
  | { readonly ok: true; readonly seats: number }
  | { readonly ok: false; readonly error: CertificateError }

/** Checks one certify message for `blockId`; returns the error, or undefined when it is valid. */
export function verifyCertifyMessage(
  m: CertifyMessage,
  blockId: Uint8Array,
  ctx: CertificateContext,
): CertificateError | undefined {
  const c = m.content
  if (c.layer !== ctx.layer)
    return new CertificateError('WRONG_LAYER', `layer ${c.layer}, expected ${ctx.layer}`)
  if (compareBytes(c.blockId, blockId) !== 0) return new CertificateError('WRONG_BLOCK', 'block ID differs')
  const body = encode(certifyContentCodec, c)
  if (!verifySignature(m.smesherId, ctx.genesisId, SigningDomain.HARE, body, m.signature)) {
    return new CertificateError('BAD_SIGNATURE', 'signature does not verify')
  }
  const weight = ctx.weights.get(bytesToHex(m.smesherId))
  if (weight === undefined) return new CertificateError('NOT_ACTIVE', 'signer not in the active set')
  const seat = {
    beacon: ctx.beacon,
    layer: ctx.layer,
    round: CERTIFY_ROUND,
    committee: ctx.committee,
    weight,
    totalWeight: ctx.totalWeight,
  }
  try {
    validateHareEligibility(m.smesherId, seat, { proof: c.proof, count: c.eligibilityCount })
  } catch (e) {
    if (e instanceof EligibilityError) return new CertificateError('NOT_ELIGIBLE', e.message)
    throw e
  }
  return undefined
}

/** Seats needed for a certificate: the context's threshold, or committee/2 + 1. */
export function certificateThreshold(ctx: CertificateContext): number {
  return ctx.threshold ?? Math.floor(ctx.committee / 2) + 1
}

export function verifyCertificate(cert: Certificate, ctx: CertificateContext): VerifyCertificateResult {
  const threshold = certificateThreshold(ctx)
  const seen = new Set<string>()
  let seats = 0
  for (const [i, m] of cert.signatures.entries()) {
    const id = bytesToHex(m.smesherId)
    if (seen.has(id)) {
      return { ok: false, error: new CertificateError('DUPLICATE_SIGNER', 'signer appears twice', i) }
    }
    seen.add(id)
    const error = verifyCertifyMessage(m, cert.blockId, ctx)
    if (error !== undefined) return { ok: false, error: new CertificateError(error.code, error.message, i) }
    seats += m.content.eligibilityCount
  }
  if (seats < threshold) {
    return {
      ok: false,
      error: new CertificateError('BELOW_THRESHOLD', `${seats} seats < threshold ${threshold}`),
    }
  }
  return { ok: true, seats }
}
