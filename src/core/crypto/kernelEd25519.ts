/**
 * RFC 8032 ed25519 (§5.1.5–5.1.7) with the point work done by an installed `CurveKernel`.
 * signing.ts calls these when a kernel is installed; the @noble/curves path there is the
 * reference they are tested against byte for byte.
 */

import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js'
import { sha512 } from '@noble/hashes/sha2.js'
import { concatBytes } from '@noble/hashes/utils.js'
import type { CurveKernel } from './curveKernel.ts'

/** The group order L. */
export const ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n

/** SHA-512 of the parts as an integer mod L, little-endian (RFC 8032 §5.1.6 steps 2 and 4). */
export function hashToScalarBytes(...parts: Uint8Array[]): Uint8Array {
  return numberToBytesLE(bytesToNumberLE(sha512(concatBytes(...parts))) % ED25519_L, 32)
}

export type ExpandedSeed = { scalar: bigint; scalarBytes: Uint8Array; prefix: Uint8Array }

/** §5.1.5: the clamped lower half of SHA-512(seed), reduced mod L, and the upper half. */
export function expandSeed(seed: Uint8Array): ExpandedSeed {
  const h = sha512(seed)
  const head = h.slice(0, 32)
  head[0]! &= 248
  head[31]! &= 127
  head[31]! |= 64
  const scalar = bytesToNumberLE(head) % ED25519_L
  return { scalar, scalarBytes: numberToBytesLE(scalar, 32), prefix: h.slice(32, 64) }
}

export function kernelPublicKey(kernel: CurveKernel, seed: Uint8Array): Uint8Array {
  return kernel.mulBase(expandSeed(seed).scalarBytes)
}

/** §5.1.6: R = [r]B with r = SHA-512(prefix ‖ M) mod L, S = r + SHA-512(R ‖ A ‖ M) a mod L. */
export function kernelSign(kernel: CurveKernel, seed: Uint8Array, message: Uint8Array): Uint8Array {
  const { scalar, scalarBytes, prefix } = expandSeed(seed)
  const publicKey = kernel.mulBase(scalarBytes)
  const rBytes = hashToScalarBytes(prefix, message)
  const R = kernel.mulBase(rBytes)
  const k = bytesToNumberLE(hashToScalarBytes(R, publicKey, message))
  const s = (bytesToNumberLE(rBytes) + k * scalar) % ED25519_L
  return concatBytes(R, numberToBytesLE(s, 32))
}

/** §5.1.7 with voi's strictness; lengths are checked by the caller. */
export function kernelVerify(
  kernel: CurveKernel,
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  const r = signature.subarray(0, 32)
  return kernel.verifyEd25519(
    publicKey,
    r,
    signature.subarray(32, 64),
    hashToScalarBytes(r, publicKey, message),
  )
}
