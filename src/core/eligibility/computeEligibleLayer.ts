/**
 * The layer a proposal slot falls in (go-spacemesh `proposals/util.CalcEligibleLayer`): the
 * epoch's first layer plus the little-endian uint64 of the VRF **proof** bytes 0..8 modulo the
 * epoch length. go-spacemesh reads the proof, not the VRF output hash (go-spacemesh.md §1.4);
 * the proof is unique per key and message, so the layer cannot be ground.
 */

/** Little-endian uint64 of `proof[0:8]`. */
export function readProofPrefix(proof: Uint8Array): bigint {
  if (proof.length < 8) throw new RangeError(`proof: expected at least 8 bytes, got ${proof.length}`)
  let v = 0n
  for (let i = 7; i >= 0; i--) v = (v << 8n) | BigInt(proof[i]!)
  return v
}

export function computeEligibleLayer(epoch: number, layersPerEpoch: number, proof: Uint8Array): number {
  const offset = readProofPrefix(proof) % BigInt(layersPerEpoch)
  return epoch * layersPerEpoch + Number(offset)
}
