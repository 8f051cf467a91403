/**
 * Checks a gossiped PoET proof (statement ‖ scale(PoetProof)) as go-spacemesh `poetdb.Validate`
 * does — the sequential-work proof against the statement — and returns what ATX validation needs:
 * the ref blake3(scale(PoetProof)), the statement and the leaf count. `createPoetMessageVerifier`
 * memoizes by ref: verification is a pure function of the bytes, so sharing results across the
 * simulated nodes changes no outcome and saves re-running 150 × 400 SHA-256 per node.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { DecodeError } from '../codec/index.ts'
import { hash32 } from '../crypto/index.ts'
import { decodePoetProof } from '../poet/poetProofCodec.ts'
import { verifyPoetProof } from '../poet/verifyPoetProof.ts'

export interface VerifiedPoetProof {
  readonly ref: Uint8Array
  readonly statement: Uint8Array
  readonly leafCount: bigint
}

export type VerifyPoetMessage = (data: Uint8Array) => VerifiedPoetProof | undefined

export function createPoetMessageVerifier(): VerifyPoetMessage {
  const cache = new Map<string, VerifiedPoetProof | undefined>()
  return (data) => {
    if (data.length < 32) return undefined
    const statement = data.slice(0, 32)
    const bytes = data.subarray(32)
    const key = bytesToHex(hash32(data))
    if (cache.has(key)) return cache.get(key)
    let result: VerifiedPoetProof | undefined
    try {
      const proof = decodePoetProof(bytes)
      verifyPoetProof(proof, statement)
      result = { ref: hash32(bytes), statement, leafCount: BigInt(proof.leafCount) }
    } catch (err) {
      if (!(err instanceof DecodeError) && !(err instanceof Error && err.name === 'PoetProofError')) throw err
      result = undefined
    }
    cache.set(key, result)
    return result
  }
}
