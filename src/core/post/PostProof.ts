/**
 * The PoST proof as go-spacemesh carries it in an ATX (`PostV1`): the winning nonce, the K2
 * label indices bit-packed (see `compressIndices`), and the k2pow solution of the nonce's group.
 * The codec is the single source of truth for its bytes.
 */
import { bytes, compact32, compact64, decode, encode, type Infer, struct } from '../codec/index.ts'

/**
 * `Indices` bound (go-spacemesh `PostV1.Indices scale:"max=800"`): 800 bytes hold K2 indices of
 * up to 64 bits each for K2 ≤ 100 (mainnet: 37 × 35 bits = 162 bytes). See LIMITS.md.
 */
export const MAX_PROOF_INDICES_BYTES = 800

export const postProofCodec = struct({
  nonce: compact32,
  indices: bytes(MAX_PROOF_INDICES_BYTES),
  pow: compact64,
})

export type PostProof = Infer<typeof postProofCodec>

/** SCALE bytes of a proof, as inside an ATX. */
export function encodePostProof(proof: PostProof): Uint8Array {
  return encode(postProofCodec, proof)
}

/** Parses proof bytes; throws only `DecodeError`. */
export function decodePostProof(data: Uint8Array): PostProof {
  return decode(postProofCodec, data)
}
