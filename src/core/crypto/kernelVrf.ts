/**
 * ECVRF-EDWARDS25519-SHA512-ELL2 prove and verify (RFC 9381 §5.1, §5.3) with the point work done
 * by an installed `CurveKernel`. vrf.ts calls these when a kernel is installed; its @noble/curves
 * path is the reference they are tested against byte for byte. Hashing (hash_to_field with
 * expand_message_xmd, the nonce, the challenge) and the scalar arithmetic mod L stay here.
 */
import { hash_to_field } from '@noble/curves/abstract/hash-to-curve.js'
import { bytesToNumberLE, numberToBytesLE } from '@noble/curves/utils.js'
import { sha512 } from '@noble/hashes/sha2.js'
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import type { CurveKernel } from './curveKernel.ts'
import { ED25519_L, expandSeed, hashToScalarBytes } from './kernelEd25519.ts'

const SUITE = 0x04
const DST = concatBytes(utf8ToBytes('ECVRF_edwards25519_XMD:SHA-512_ELL2_NU_'), Uint8Array.of(SUITE))
const P = 2n ** 255n - 19n

/** encode_to_curve's hash_to_field (RFC 9380 §5.2, count 1, L = 48) as a 32-byte LE element. */
function hashToField(publicKey: Uint8Array, alpha: Uint8Array): Uint8Array {
  const [[u]] = hash_to_field(concatBytes(publicKey, alpha), 1, {
    DST,
    p: P,
    m: 1,
    k: 128,
    expand: 'xmd',
    hash: sha512,
  }) as [[bigint]]
  return numberToBytesLE(u, 32)
}

/** ECVRF_challenge_generation (§5.4.3): the first 16 bytes of the SHA-512. */
function challenge(
  pk: Uint8Array,
  h: Uint8Array,
  gamma: Uint8Array,
  u: Uint8Array,
  v: Uint8Array,
): Uint8Array {
  return sha512(concatBytes(Uint8Array.of(SUITE, 0x02), pk, h, gamma, u, v, Uint8Array.of(0x00))).subarray(
    0,
    16,
  )
}

export function kernelVrfProve(kernel: CurveKernel, secretSeed: Uint8Array, alpha: Uint8Array): Uint8Array {
  const { scalar: x, scalarBytes, prefix } = expandSeed(secretSeed)
  const pk = kernel.mulBase(scalarBytes)
  const { h, gamma } = kernel.vrfGamma(scalarBytes, hashToField(pk, alpha))
  const kBytes = hashToScalarBytes(prefix, h) // §5.4.2.2
  const { kB, kH } = kernel.vrfNonce(kBytes, h)
  const c = challenge(pk, h, gamma, kB, kH)
  const s = (bytesToNumberLE(kBytes) + bytesToNumberLE(c) * x) % ED25519_L
  return concatBytes(gamma, c, numberToBytesLE(s, 32))
}

/** Lengths are checked by the caller; every other malformation is false. */
export function kernelVrfVerify(
  kernel: CurveKernel,
  publicKey: Uint8Array,
  alpha: Uint8Array,
  proof: Uint8Array,
): boolean {
  const gamma = proof.subarray(0, 32)
  const c = proof.subarray(32, 48)
  const points = kernel.vrfVerifyPoints(
    publicKey,
    gamma,
    c,
    proof.subarray(48, 80),
    hashToField(publicKey, alpha),
  )
  if (points === undefined) return false
  const expected = challenge(publicKey, points.h, gamma, points.u, points.v)
  let diff = 0
  for (let i = 0; i < 16; i++) diff |= expected[i]! ^ c[i]!
  return diff === 0
}
