import type { PostFileRecord } from './openPostMetadataStore.ts'

export interface VrfNonce {
  readonly nonce: number
  readonly nonceValue: Uint8Array
}

/**
 * The VRF nonce of a finished allocation (post-poet.md §1.3): the index of the smallest full
 * 32-byte label, valid when it is below `PowDifficulty(numLabels) = (2^256 / numLabels) << 3`
 * read big-endian (go `shared.PowDifficulty`). Returns undefined when no label qualifies.
 */
export function selectVrfNonce(files: readonly PostFileRecord[], totalLabels: number): VrfNonce | undefined {
  let best: VrfNonce | undefined
  let bestValue = 0n
  for (const f of files) {
    if (f.minIndex === undefined || f.minLabel === undefined) continue
    const value = readBigEndian(f.minLabel)
    if (best === undefined || value < bestValue) {
      best = { nonce: f.minIndex, nonceValue: f.minLabel }
      bestValue = value
    }
  }
  if (best === undefined) return undefined
  const difficulty = (2n ** 256n / BigInt(totalLabels)) << 3n
  return bestValue < difficulty ? best : undefined
}

function readBigEndian(bytes: Uint8Array): bigint {
  let v = 0n
  for (const b of bytes) v = (v << 8n) | BigInt(b)
  return v
}
