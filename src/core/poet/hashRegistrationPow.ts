/**
 * The anti-spam proof of work a PoET asks of a registration (poet's deprecated PoW path,
 * reference post-poet.md §3.3): find `nonce` such that
 * `blake3(powChallenge ‖ nodeId ‖ poetChallenge ‖ u64le(nonce))` starts with `difficulty` zero
 * bits. Upstream hashes with ripemd256; we use blake3 (no ripemd256 in @noble), so the layout is
 * upstream's and the hash is ours. The service rotates `powChallenge` every round, so work cannot
 * be done ahead of time, and binding nodeId stops one solution from serving many identities.
 */
import { blake3 } from '@noble/hashes/blake3.js'

export function hashRegistrationPow(
  powChallenge: Uint8Array,
  nodeId: Uint8Array,
  poetChallenge: Uint8Array,
  nonce: number,
): Uint8Array {
  const n = new Uint8Array(8)
  const view = new DataView(n.buffer)
  view.setUint32(0, nonce >>> 0, true)
  view.setUint32(4, Math.floor(nonce / 2 ** 32), true)
  const h = blake3.create()
  h.update(powChallenge)
  h.update(nodeId)
  h.update(poetChallenge)
  h.update(n)
  return h.digest()
}
