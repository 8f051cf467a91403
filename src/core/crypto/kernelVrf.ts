/**
 * ECVRF-EDWARDS25519-SHA512-ELL2 prove and verify (RFC 9381 §5.1, §5.3) with the point work done
 * by an installed `CurveKernel`. vrf.ts calls these when a kernel is installed; its @noble/curves
 * path is the reference they are tested against byte for byte. The hashing steps (hash_to_field
 * with expand_message_xmd, the nonce, the challenge) are spelled out here; SHA-512 and the
 * arithmetic mod L come from the kernel. The one BigInt operation left is u mod p.
 */
import { bytesToNumberBE, numberToBytesLE } from '@noble/curves/utils.js'
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import type { CurveKernel } from './curveKernel.ts'
import { seedKey } from './kernelEd25519.ts'

const SUITE = 0x04
const DST = concatBytes(utf8ToBytes('ECVRF_edwards25519_XMD:SHA-512_ELL2_NU_'), Uint8Array.of(SUITE))
const P = 2n ** 255n - 19n

// expand_message_xmd (RFC 9380 §5.3.1) with SHA-512 (b = 64, r = 128 bytes) for one field
// element of L = ceil((255 + 128) / 8) = 48 bytes (§5.2, k = 128): ell = 1, so
// b0 = H(Z_pad ‖ msg ‖ I2OSP(48, 2) ‖ 0x00 ‖ DST'), uniform = first 48 bytes of H(b0 ‖ 0x01 ‖ DST').
const DST_PRIME = concatBytes(DST, Uint8Array.of(DST.length))
const Z_PAD = new Uint8Array(128)
const LENGTH_AND_ZERO = Uint8Array.of(0, 48, 0)
const ONE = Uint8Array.of(1)

/** encode_to_curve's hash_to_field (§5.2, count 1) of pk ‖ alpha, as a 32-byte LE element. */
function hashToField(kernel: CurveKernel, publicKey: Uint8Array, alpha: Uint8Array): Uint8Array {
  const b0 = kernel.sha512(Z_PAD, publicKey, alpha, LENGTH_AND_ZERO, DST_PRIME)
  const uniform = kernel.sha512(b0, ONE, DST_PRIME).subarray(0, 48)
  return numberToBytesLE(bytesToNumberBE(uniform) % P, 32)
}

const CHALLENGE_FRONT = Uint8Array.of(SUITE, 0x02)
const CHALLENGE_BACK = Uint8Array.of(0x00)

/** ECVRF_challenge_generation (§5.4.3): the first 16 bytes of the SHA-512. */
function challenge(kernel: CurveKernel, ...points: Uint8Array[]): Uint8Array {
  return kernel.sha512(CHALLENGE_FRONT, ...points, CHALLENGE_BACK).subarray(0, 16)
}

export function kernelVrfProve(kernel: CurveKernel, secretSeed: Uint8Array, alpha: Uint8Array): Uint8Array {
  const { scalar: x, prefix, publicKey: pk } = seedKey(kernel, secretSeed)
  const { h, gamma, k, kB, kH } = kernel.vrfProvePoints(x, prefix, hashToField(kernel, pk, alpha))
  const c = challenge(kernel, pk, h, gamma, kB, kH)
  const c32 = new Uint8Array(32)
  c32.set(c)
  return concatBytes(gamma, c, kernel.mulAddScalar(c32, x, k)) // s = k + c x mod L
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
    hashToField(kernel, publicKey, alpha),
  )
  if (points === undefined) return false
  const expected = challenge(kernel, publicKey, points.h, gamma, points.u, points.v)
  let diff = 0
  for (let i = 0; i < 16; i++) diff |= expected[i]! ^ c[i]!
  return diff === 0
}
