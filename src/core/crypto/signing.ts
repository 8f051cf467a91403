/**
 * Ed25519 signatures as go-spacemesh makes and checks them (`signing/signer.go`,
 * `signing/verifier.go`, curve25519-voi).
 *
 * Protocol objects are signed over `genesisId(20) ‖ domain(1) ‖ message`: the genesis prefix stops
 * a signature from replaying on another network, the domain byte stops an ATX signature from
 * passing as a ballot signature. Transactions are the exception: they are signed over
 * `genesisId(20) ‖ raw tx without its signature`, with no domain byte (`genvm/core.SigningBody`).
 *
 * Verification is as strict as curve25519-voi's `VerifyOptionsDefault`: the encodings of the
 * public key A and of R must be canonical (y < p, no "negative zero"), A must not be of small
 * order, s must be below the group order L, and the cofactored equation [8][s]B = [8]R + [8][k]A
 * is checked. @noble/curves with `zip215: false` implements exactly this set; its default
 * (ZIP-215) would accept signatures go-spacemesh rejects, and a light client that accepted them
 * could be fed a different history than the nodes agree on.
 *
 * With a `CurveKernel` installed (curveKernel.ts) the point arithmetic runs there instead; the
 * results are byte-identical (signing.test.ts runs both paths).
 */
import { ed25519 } from '@noble/curves/ed25519.js'
import { currentCurveKernel } from './curveKernel.ts'
import { kernelPublicKey, kernelSign, kernelVerify } from './kernelEd25519.ts'

/** go-spacemesh `signing.Domain`. */
export const SigningDomain = {
  ATX: 0,
  PROPOSAL: 1,
  BALLOT: 2,
  HARE: 3,
  POET: 4,
  MARRIAGE: 5,
  BEACON_FIRST_MSG: 10,
  BEACON_FOLLOWUP_MSG: 11,
} as const

export type SigningDomainName = keyof typeof SigningDomain
export type SigningDomainValue = (typeof SigningDomain)[SigningDomainName]

export const GENESIS_ID_LENGTH = 20
export const PUBLIC_KEY_LENGTH = 32
export const SECRET_SEED_LENGTH = 32
export const SIGNATURE_LENGTH = 64

const domainValues = new Set<number>(Object.values(SigningDomain))

function checkBytes(value: Uint8Array, length: number, name: string): void {
  if (!(value instanceof Uint8Array)) throw new TypeError(`${name}: expected Uint8Array`)
  if (value.length !== length) throw new RangeError(`${name}: expected ${length} bytes, got ${value.length}`)
}

function checkDomain(domain: number): void {
  if (!domainValues.has(domain)) throw new RangeError(`domain: expected a SigningDomain value, got ${domain}`)
}

function domainBody(genesisId: Uint8Array, domain: number, message: Uint8Array): Uint8Array {
  const out = new Uint8Array(GENESIS_ID_LENGTH + 1 + message.length)
  out.set(genesisId, 0)
  out[GENESIS_ID_LENGTH] = domain
  out.set(message, GENESIS_ID_LENGTH + 1)
  return out
}

/** The 32-byte ed25519 public key (the node ID, or a wallet key) of a 32-byte secret seed. */
export function publicKeyFromSeed(seed: Uint8Array): Uint8Array {
  checkBytes(seed, SECRET_SEED_LENGTH, 'seed')
  const kernel = currentCurveKernel()
  return kernel === undefined ? ed25519.getPublicKey(seed) : kernelPublicKey(kernel, seed)
}

function sign(body: Uint8Array, seed: Uint8Array): Uint8Array {
  const kernel = currentCurveKernel()
  return kernel === undefined ? ed25519.sign(body, seed) : kernelSign(kernel, seed, body)
}

/** Signs `genesisId ‖ domain ‖ message` (go-spacemesh `EdSigner.Sign`). */
export function signMessage(
  seed: Uint8Array,
  genesisId: Uint8Array,
  domain: SigningDomainValue,
  message: Uint8Array,
): Uint8Array {
  checkBytes(seed, SECRET_SEED_LENGTH, 'seed')
  checkBytes(genesisId, GENESIS_ID_LENGTH, 'genesisId')
  checkDomain(domain)
  return sign(domainBody(genesisId, domain, message), seed)
}

/**
 * Plain ed25519 verification of `message` with go-spacemesh's (curve25519-voi's default)
 * strictness, for messages that carry no genesis prefix (PoET, certifier). Any malformed input is
 * `false`, never a throw.
 */
export function verifyEd25519(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (!(message instanceof Uint8Array)) return false
  return verifyStrict(publicKey, message, signature)
}

function verifyStrict(publicKey: Uint8Array, body: Uint8Array, signature: Uint8Array): boolean {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== PUBLIC_KEY_LENGTH) return false
  if (!(signature instanceof Uint8Array) || signature.length !== SIGNATURE_LENGTH) return false
  try {
    const kernel = currentCurveKernel()
    if (kernel !== undefined) return kernelVerify(kernel, publicKey, body, signature)
    return ed25519.verify(signature, body, publicKey, { zip215: false })
  } catch {
    return false
  }
}

/** Checks a domain signature as go-spacemesh's `EdVerifier.Verify` does. */
export function verifySignature(
  publicKey: Uint8Array,
  genesisId: Uint8Array,
  domain: SigningDomainValue,
  message: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (!(genesisId instanceof Uint8Array) || genesisId.length !== GENESIS_ID_LENGTH) return false
  if (!domainValues.has(domain) || !(message instanceof Uint8Array)) return false
  return verifyStrict(publicKey, domainBody(genesisId, domain, message), signature)
}

/** `genesisId ‖ rawTx` — what a transaction's signature covers (genvm `core.SigningBody`). */
export function transactionSigningBody(genesisId: Uint8Array, rawTxWithoutSignature: Uint8Array): Uint8Array {
  checkBytes(genesisId, GENESIS_ID_LENGTH, 'genesisId')
  const out = new Uint8Array(GENESIS_ID_LENGTH + rawTxWithoutSignature.length)
  out.set(genesisId, 0)
  out.set(rawTxWithoutSignature, GENESIS_ID_LENGTH)
  return out
}

/** Signs a transaction body; append the result to the raw tx to get the signed tx. */
export function signTransaction(
  seed: Uint8Array,
  genesisId: Uint8Array,
  rawTxWithoutSignature: Uint8Array,
): Uint8Array {
  checkBytes(seed, SECRET_SEED_LENGTH, 'seed')
  return sign(transactionSigningBody(genesisId, rawTxWithoutSignature), seed)
}

/** Checks one transaction signature (single-sig, or one part of a multisig). */
export function verifyTransactionSignature(
  publicKey: Uint8Array,
  genesisId: Uint8Array,
  rawTxWithoutSignature: Uint8Array,
  signature: Uint8Array,
): boolean {
  if (!(genesisId instanceof Uint8Array) || genesisId.length !== GENESIS_ID_LENGTH) return false
  if (!(rawTxWithoutSignature instanceof Uint8Array)) return false
  return verifyStrict(publicKey, transactionSigningBody(genesisId, rawTxWithoutSignature), signature)
}
