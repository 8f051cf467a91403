/**
 * The value commit and notify messages refer to (go-spacemesh `types.CalcProposalHash32Presorted`,
 * go-spacemesh.md §1.2): blake3 over the proposal IDs in the order given, each written as its
 * 32-byte zero-padded form. Honest senders sort the set, so equal sets give equal references.
 */
import { hash32 } from '../crypto/hash.ts'

export function computeProposalsReference(proposals: readonly Uint8Array[]): Uint8Array {
  const padded = proposals.map((id) => {
    const out = new Uint8Array(32)
    out.set(id)
    return out
  })
  return hash32(...padded)
}
