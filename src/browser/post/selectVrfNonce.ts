import type { PostFileRecord } from './openPostMetadataStore.ts'
import { readBigEndian } from './readBigEndian.ts'

export interface VrfNonce {
  readonly nonce: number
  readonly nonceValue: Uint8Array
}

/**
 * The VRF nonce of a finished allocation (post-poet.md §1.3): the index of the smallest full
 * 32-byte label over all files, valid when below `difficulty` (`computeVrfDifficulty`).
 * Returns undefined when no stored label qualifies.
 */
export function selectVrfNonce(files: readonly PostFileRecord[], difficulty: bigint): VrfNonce | undefined {
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
  return best !== undefined && bestValue < difficulty ? best : undefined
}
