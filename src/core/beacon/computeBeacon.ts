/**
 * The epoch beacon from the agreed proposal set (go-spacemesh `beacon.calcBeacon`): BLAKE3 over
 * the 4-byte proposals in ascending order, cropped to 4 bytes — the same size as one proposal,
 * so the beacon carries as much entropy as any single VRF output in the set.
 */
import { hash32 } from '../crypto/hash.ts'
import { compareBytes } from '../eligibility/computeActiveSetHash.ts'

export function computeBeacon(proposals: readonly Uint8Array[]): Uint8Array {
  return hash32(...[...proposals].sort(compareBytes)).slice(0, 4)
}
