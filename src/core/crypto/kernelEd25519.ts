/**
 * RFC 8032 ed25519 (§5.1.5–5.1.7) with the point work, SHA-512 and arithmetic mod L done by an
 * installed `CurveKernel`. signing.ts calls these when a kernel is installed; the @noble/curves
 * path there is the reference they are tested against byte for byte. Scalars are 32-byte
 * little-endian values below L.
 */

import { concatBytes } from '@noble/hashes/utils.js'
import type { CurveKernel } from './curveKernel.ts'

type ExpandedSeed = { scalar: Uint8Array; prefix: Uint8Array }

/** §5.1.5: the clamped lower half of SHA-512(seed), reduced mod L, and the upper half. */
function expandSeed(kernel: CurveKernel, seed: Uint8Array): ExpandedSeed {
  const h = kernel.sha512(seed)
  const head = new Uint8Array(64)
  head.set(h.subarray(0, 32))
  head[0]! &= 248
  head[31]! &= 127
  head[31]! |= 64
  return { scalar: kernel.reduceScalar(head), prefix: h.slice(32, 64) }
}

export type SeedKey = ExpandedSeed & { publicKey: Uint8Array }

/**
 * The expanded seed and public key of the last use of each seed array, so a signer that signs
 * again and again with one seed pays for [a]B once (go-spacemesh's EdSigner keeps its public key
 * too). Keyed by the array object and checked against a copy of its bytes, so an array that
 * was refilled with another seed misses. Entries go with their seed arrays (WeakMap).
 */
const seedKeys = new WeakMap<Uint8Array, { seed: Uint8Array; key: SeedKey }>()

function cachedSeedKey(seed: Uint8Array): SeedKey | undefined {
  const hit = seedKeys.get(seed)
  return hit !== undefined && sameBytes(hit.seed, seed) ? hit.key : undefined
}

function rememberSeedKey(seed: Uint8Array, key: SeedKey): SeedKey {
  seedKeys.set(seed, { seed: seed.slice(), key })
  return key
}

export function seedKey(kernel: CurveKernel, seed: Uint8Array): SeedKey {
  const hit = cachedSeedKey(seed)
  if (hit !== undefined) return hit
  const expanded = expandSeed(kernel, seed)
  return rememberSeedKey(seed, { ...expanded, publicKey: kernel.mulBase(expanded.scalar) })
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
  let key = cachedSeedKey(seed)
  let r: Uint8Array
  let R: Uint8Array
  if (key === undefined) {
    // A first signature with this seed array: A = [a]B and R = [r]B in one call.
    const expanded = expandSeed(kernel, seed)
    r = kernel.hashToScalar(expanded.prefix, message)
    const points = kernel.mulBasePair(expanded.scalar, r)
    key = rememberSeedKey(seed, { ...expanded, publicKey: points.a })
    R = points.b
  } else {
    r = kernel.hashToScalar(key.prefix, message)
    R = kernel.mulBase(r)
  }
  const k = kernel.hashToScalar(R, key.publicKey, message)
  return concatBytes(R, kernel.mulAddScalar(k, key.scalar, r))
}

/** §5.1.7 with voi's strictness; lengths are checked by the caller. */
export function kernelVerify(
  kernel: CurveKernel,
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  const r = signature.subarray(0, 32)
  const k = kernel.hashToScalar(r, publicKey, message)
  return kernel.verifyEd25519(publicKey, r, signature.subarray(32, 64), k)
}
