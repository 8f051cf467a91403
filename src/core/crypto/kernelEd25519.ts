/**
 * RFC 8032 ed25519 (§5.1.5–5.1.7) with the point work done by an installed `CurveKernel`.
 * signing.ts calls these when a kernel is installed; the @noble/curves path there is the
 * reference they are tested against byte for byte.
 */

import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js'
import { concatBytes } from '@noble/hashes/utils.js'
import type { CurveKernel } from './curveKernel.ts'

/** The group order L. */
export const ED25519_L = 2n ** 252n + 27742317777372353535851937790883648493n

/** SHA-512 of the parts as an integer mod L, little-endian (RFC 8032 §5.1.6 steps 2 and 4). */
export function hashToScalarBytes(kernel: CurveKernel, ...parts: Uint8Array[]): Uint8Array {
  return numberToBytesLE(bytesToNumberLE(kernel.sha512(...parts)) % ED25519_L, 32)
}

type ExpandedSeed = { scalar: bigint; scalarBytes: Uint8Array; prefix: Uint8Array }

/** §5.1.5: the clamped lower half of SHA-512(seed), reduced mod L, and the upper half. */
function expandSeed(kernel: CurveKernel, seed: Uint8Array): ExpandedSeed {
  const h = kernel.sha512(seed)
  const head = h.slice(0, 32)
  head[0]! &= 248
  head[31]! &= 127
  head[31]! |= 64
  const scalar = bytesToNumberLE(head) % ED25519_L
  return { scalar, scalarBytes: numberToBytesLE(scalar, 32), prefix: h.slice(32, 64) }
}

export type SeedKey = ExpandedSeed & { publicKey: Uint8Array }

/**
 * The expanded seed and public key of the last use of each seed array, so a signer that signs
 * again and again with one seed pays for [a]B once (go-spacemesh's EdSigner keeps its public key
 * too). Keyed by the array object and checked against a copy of its bytes, so an array that
 * was refilled with another seed misses. Entries go with their seed arrays (WeakMap).
 */
const seedKeys = new WeakMap<Uint8Array, { seed: Uint8Array; key: SeedKey }>()

export function seedKey(kernel: CurveKernel, seed: Uint8Array): SeedKey {
  const hit = seedKeys.get(seed)
  if (hit !== undefined && sameBytes(hit.seed, seed)) return hit.key
  const expanded = expandSeed(kernel, seed)
  const key = { ...expanded, publicKey: kernel.mulBase(expanded.scalarBytes) }
  seedKeys.set(seed, { seed: seed.slice(), key })
  return key
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!
  return diff === 0
}

export function kernelPublicKey(kernel: CurveKernel, seed: Uint8Array): Uint8Array {
  return seedKey(kernel, seed).publicKey.slice()
}

/** §5.1.6: R = [r]B with r = SHA-512(prefix ‖ M) mod L, S = r + SHA-512(R ‖ A ‖ M) a mod L. */
export function kernelSign(kernel: CurveKernel, seed: Uint8Array, message: Uint8Array): Uint8Array {
  const { scalar, prefix, publicKey } = seedKey(kernel, seed)
  const rBytes = hashToScalarBytes(kernel, prefix, message)
  const R = kernel.mulBase(rBytes)
  const k = bytesToNumberLE(hashToScalarBytes(kernel, R, publicKey, message))
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
    hashToScalarBytes(kernel, r, publicKey, message),
  )
}
