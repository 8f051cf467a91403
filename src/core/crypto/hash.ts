/**
 * Hashing as go-spacemesh does it (`hash/hash.go`, zeebo/blake3): every protocol hash is the
 * 32-byte BLAKE3 digest of the concatenation of its inputs. `Sum20` — used for ballot, proposal
 * and block IDs and for the genesis ID — keeps the first 20 bytes of the same digest.
 */
import { blake3 } from '@noble/hashes/blake3.js'

/** BLAKE3-256 of the concatenation of `parts` (go-spacemesh `hash.Sum`). */
export function hash32(...parts: Uint8Array[]): Uint8Array {
  const h = blake3.create()
  for (const p of parts) h.update(p)
  return h.digest()
}

/** The first 20 bytes of `hash32(...parts)` (go-spacemesh `hash.Sum20`, `Hash32.ToHash20`). */
export function hash20(...parts: Uint8Array[]): Uint8Array {
  return hash32(...parts).slice(0, 20)
}
