/**
 * ECVRF-EDWARDS25519-SHA512-ELL2 (RFC 9381, suite string 0x04), as go-spacemesh uses it for every
 * eligibility (`signing/vrf.go` → curve25519-voi `ecvrf.Prove` / `ecvrf.Verify`).
 *
 * A VRF proof lets the holder of an ed25519 key compute a pseudorandom value for a message that
 * anyone can check with the public key, and that nobody — including the key holder — can choose:
 * the proof is unique for (key, message). go-spacemesh reads eligibility straight from the proof
 * bytes (never the hash), so the proof must be byte-identical to voi's.
 *
 *   x, prefix = the ed25519 secret scalar and nonce prefix of the seed (RFC 8032 §5.1.5)
 *   H      = encode_to_curve(pk ‖ alpha), RFC 9380 edwards25519_XMD:SHA-512_ELL2_NU_ with
 *            DST "ECVRF_" ‖ that suite ID ‖ 0x04                                  (§5.4.1.2)
 *   Gamma  = x·H
 *   k      = SHA-512(prefix ‖ H) mod L                                          (§5.4.2.2)
 *   c      = first 16 bytes of SHA-512(0x04 ‖ 0x02 ‖ pk ‖ H ‖ Gamma ‖ k·B ‖ k·H ‖ 0x00)  (§5.4.3)
 *   s      = k + c·x mod L
 *   proof  = Gamma(32) ‖ c(16) ‖ s(32)
 *   beta   = SHA-512(0x04 ‖ 0x03 ‖ 8·Gamma ‖ 0x00)                              (§5.2)
 *
 * Verification (§5.3) recomputes c from U = s·B − c·Y and V = s·H − c·Gamma. As in voi, the public
 * key and Gamma must be canonical encodings, the key must not be of small order (§5.4.5
 * ECVRF_validate_key), and s must be below L. Malformed input is `false`, never a throw: proofs
 * arrive from the network.
 *
 * With a `CurveKernel` installed (curveKernel.ts) the point arithmetic runs there (kernelVrf.ts);
 * proofs and verdicts are byte-identical to the @noble/curves path below, the reference.
 */
import { ed25519, ed25519_hasher } from '@noble/curves/ed25519.js'
import { sha512 } from '@noble/hashes/sha2.js'
import { concatBytes, utf8ToBytes } from '@noble/hashes/utils.js'
import { currentCurveKernel } from './curveKernel.ts'
import { kernelVrfProve, kernelVrfVerify } from './kernelVrf.ts'

export const VRF_PROOF_LENGTH = 80
export const VRF_OUTPUT_LENGTH = 64

const SUITE = 0x04
const DST = concatBytes(utf8ToBytes('ECVRF_edwards25519_XMD:SHA-512_ELL2_NU_'), Uint8Array.of(SUITE))
const Point = ed25519.Point
const L = Point.Fn.ORDER

function leToBigint(b: Uint8Array): bigint {
  let n = 0n
  for (let i = b.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(b[i]!)
  return n
}

function bigintToLe(n: bigint, length: number): Uint8Array {
  const out = new Uint8Array(length)
  for (let i = 0; i < length; i++, n >>= 8n) out[i] = Number(n & 0xffn)
  return out
}

function encodeToCurve(publicKey: Uint8Array, alpha: Uint8Array) {
  return ed25519_hasher.encodeToCurve(concatBytes(publicKey, alpha), { DST })
}

/** ECVRF_challenge_generation (RFC 9381 §5.4.3): 16-byte truncated SHA-512, as an integer. */
function challenge(pk: Uint8Array, h: Uint8Array, gamma: Uint8Array, u: Uint8Array, v: Uint8Array): bigint {
  const digest = sha512(concatBytes(Uint8Array.of(SUITE, 0x02), pk, h, gamma, u, v, Uint8Array.of(0x00)))
  return leToBigint(digest.subarray(0, 16))
}

/** The 80-byte proof for `alpha` under the 32-byte ed25519 secret seed. */
export function vrfProve(secretSeed: Uint8Array, alpha: Uint8Array): Uint8Array {
  if (!(secretSeed instanceof Uint8Array) || secretSeed.length !== 32) {
    throw new RangeError(`secretSeed: expected 32 bytes, got ${secretSeed?.length}`)
  }
  const kernel = currentCurveKernel()
  if (kernel !== undefined) return kernelVrfProve(kernel, secretSeed, alpha)
  const { prefix, scalar: x, pointBytes: pk } = ed25519.utils.getExtendedPublicKey(secretSeed)
  const H = encodeToCurve(pk, alpha)
  const hBytes = H.toBytes()
  const gamma = H.multiply(x).toBytes()
  const k = leToBigint(sha512(concatBytes(prefix, hBytes))) % L
  // k = 0 has probability 2^-252; multiplyUnsafe accepts it where multiply would throw.
  const c = challenge(
    pk,
    hBytes,
    gamma,
    Point.BASE.multiplyUnsafe(k).toBytes(),
    H.multiplyUnsafe(k).toBytes(),
  )
  const s = (k + c * x) % L
  return concatBytes(gamma, bigintToLe(c, 16), bigintToLe(s, 32))
}

type DecodedProof = { gamma: InstanceType<typeof Point>; c: bigint; s: bigint }

/** ECVRF_decode_proof (RFC 9381 §5.4.4) with voi's canonical-encoding check; undefined if malformed. */
function decodeProof(proof: Uint8Array): DecodedProof | undefined {
  if (!(proof instanceof Uint8Array) || proof.length !== VRF_PROOF_LENGTH) return undefined
  const s = leToBigint(proof.subarray(48, 80))
  if (s >= L) return undefined
  try {
    return { gamma: Point.fromBytes(proof.subarray(0, 32), false), c: leToBigint(proof.subarray(32, 48)), s }
  } catch {
    return undefined
  }
}

/** Checks an 80-byte proof for `alpha` under a 32-byte ed25519 public key (the node ID). */
export function vrfVerify(publicKey: Uint8Array, alpha: Uint8Array, proof: Uint8Array): boolean {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32 || !(alpha instanceof Uint8Array))
    return false
  const kernel = currentCurveKernel()
  if (kernel !== undefined) {
    if (!(proof instanceof Uint8Array) || proof.length !== VRF_PROOF_LENGTH) return false
    try {
      return kernelVrfVerify(kernel, publicKey, alpha, proof)
    } catch {
      return false
    }
  }
  const decoded = decodeProof(proof)
  if (decoded === undefined) return false
  try {
    const Y = Point.fromBytes(publicKey, false)
    if (Y.isSmallOrder()) return false
    const { gamma, c, s } = decoded
    const H = encodeToCurve(publicKey, alpha)
    const U = Point.BASE.multiplyUnsafe(s).subtract(Y.multiplyUnsafe(c))
    const V = H.multiplyUnsafe(s).subtract(gamma.multiplyUnsafe(c))
    return challenge(publicKey, H.toBytes(), proof.subarray(0, 32), U.toBytes(), V.toBytes()) === c
  } catch {
    return false
  }
}

/**
 * The 64-byte VRF output beta of a proof (RFC 9381 §5.2). It does not verify the proof; a
 * malformed one throws RangeError. go-spacemesh itself reads the proof bytes, not this hash.
 */
export function vrfProofToHash(proof: Uint8Array): Uint8Array {
  const kernel = currentCurveKernel()
  const malformed = 'proof: not an 80-byte ECVRF proof with canonical Gamma and s < L'
  let gamma8: Uint8Array | undefined
  if (kernel !== undefined) {
    if (!(proof instanceof Uint8Array) || proof.length !== VRF_PROOF_LENGTH) throw new RangeError(malformed)
    if (leToBigint(proof.subarray(48, 80)) >= L) throw new RangeError(malformed)
    gamma8 = kernel.mulCofactor(proof.subarray(0, 32))
  } else {
    gamma8 = decodeProof(proof)?.gamma.clearCofactor().toBytes()
  }
  if (gamma8 === undefined) throw new RangeError(malformed)
  return sha512(concatBytes(Uint8Array.of(SUITE, 0x03), gamma8, Uint8Array.of(0)))
}
