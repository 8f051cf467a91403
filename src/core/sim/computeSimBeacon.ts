/**
 * Bootstrap beacon of the consensus simulation: beacon(E) = first 4 bytes of
 * BLAKE3("sim-beacon" ‖ E ‖ active-set hash of epoch E). Used for the first consensus epoch, which
 * has no earlier active set to run the beacon protocol (go-spacemesh starts from a bootstrapped
 * beacon too), and as the fallback when BeaconSession fails (SimBeaconRunner). It is predictable
 * one epoch ahead, which the real beacon exists to prevent; the simulated adversaries do not
 * grind ATXs, so eligibility is unaffected.
 */
import { hash32 } from '../crypto/hash.ts'

export function computeSimBeacon(epoch: number, activeSetHash: Uint8Array): Uint8Array {
  const tag = Uint8Array.from('sim-beacon', (c) => c.charCodeAt(0))
  const e = Uint8Array.of(epoch & 0xff, (epoch >> 8) & 0xff, (epoch >> 16) & 0xff, epoch >>> 24)
  return hash32(tag, e, activeSetHash).slice(0, 4)
}
