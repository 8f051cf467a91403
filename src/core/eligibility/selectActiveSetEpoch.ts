/**
 * Which epoch's active set a hare layer draws its committee from (go-spacemesh
 * `hare3/eligibility/oracle.go actives`). In the first `confidenceParam` layers of an epoch a
 * node may not yet be confident of the new active set, so the previous epoch's is used —
 * except in the first epoch with ATXs (epoch 2, after the effective genesis 2×L−1), which has
 * no usable predecessor.
 */
export function selectActiveSetEpoch(layer: number, layersPerEpoch: number, confidenceParam: number): number {
  const epoch = Math.floor(layer / layersPerEpoch)
  const firstAtxEpoch = 2
  if (epoch > firstAtxEpoch && layer - epoch * layersPerEpoch < confidenceParam) return epoch - 1
  return epoch
}
