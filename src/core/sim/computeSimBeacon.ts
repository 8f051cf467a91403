/**
 * PLACEHOLDER beacon for the consensus simulation: beacon(E) = first 4 bytes of
 * BLAKE3("sim-beacon" ‖ E ‖ active-set hash of epoch E). Deviation from go-spacemesh, which runs
 * the beacon protocol (`beacon/`, protocol-spec §10; here `src/core/beacon` BeaconSession) in
 * epoch E−1: the simulation does not host BeaconSession yet, so every node derives the same value
 * from the ATX set it already agrees on. It is predictable one epoch ahead, which the real beacon
 * exists to prevent; the simulated adversaries do not grind ATXs, so eligibility is unaffected.
 */
import { hash32 } from '../crypto/hash.ts'

export function computeSimBeacon(epoch: number, activeSetHash: Uint8Array): Uint8Array {
  const tag = Uint8Array.from('sim-beacon', (c) => c.charCodeAt(0))
  const e = Uint8Array.of(epoch & 0xff, (epoch >> 8) & 0xff, (epoch >> 16) & 0xff, epoch >>> 24)
  return hash32(tag, e, activeSetHash).slice(0, 4)
}
