/**
 * Active-set hash (go-spacemesh `types.ATXIDList.Hash`, go-spacemesh.md §1.2): BLAKE3 of the
 * 32-byte ATX IDs concatenated in ascending byte order. Reference ballots commit to it, so
 * every node weighing eligibilities against "the" active set uses the same total weight.
 */
import { hash32 } from '../crypto/hash.ts'

export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!
    if (d !== 0) return d
  }
  return a.length - b.length
}

export function computeActiveSetHash(atxIds: readonly Uint8Array[]): Uint8Array {
  for (const id of atxIds) {
    if (id.length !== 32) throw new RangeError(`atxId: expected 32 bytes, got ${id.length}`)
  }
  return hash32(...[...atxIds].sort(compareBytes))
}
