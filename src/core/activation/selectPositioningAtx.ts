/**
 * Positioning-ATX choice (go-spacemesh `Builder.getPositioningAtx`; protocol-spec §6.4 field 5):
 * among valid ATXs published before the target epoch, by identities not proven malicious, take
 * the one with the highest tick height, because the new ATX's ticks start from it and a higher
 * start gives a higher end. Ties go to our own ATX, then to the smallest id, so every honest node
 * with the same view picks the same one. With none, the golden ATX (height 0).
 */
import { equalBytes } from '@noble/curves/utils.js'
import type { AtxHeader } from './AtxHeader.ts'

export interface PositioningChoice {
  readonly id: Uint8Array
  readonly tickHeight: bigint
}

export interface SelectPositioningAtxParameters {
  readonly candidates: Iterable<AtxHeader>
  readonly publishEpoch: number
  readonly nodeId: Uint8Array
  readonly goldenAtxId: Uint8Array
  readonly isMalicious?: (smesherId: Uint8Array) => boolean
}

export function selectPositioningAtx(p: SelectPositioningAtxParameters): PositioningChoice {
  let best: AtxHeader | undefined
  for (const atx of p.candidates) {
    if (atx.publishEpoch >= p.publishEpoch) continue
    if (p.isMalicious?.(atx.smesherId)) continue
    if (best === undefined || better(atx, best, p.nodeId)) best = atx
  }
  return best === undefined
    ? { id: p.goldenAtxId, tickHeight: 0n }
    : { id: best.id, tickHeight: best.tickHeight }
}

function better(a: AtxHeader, b: AtxHeader, own: Uint8Array): boolean {
  if (a.tickHeight !== b.tickHeight) return a.tickHeight > b.tickHeight
  const aOwn = equalBytes(a.smesherId, own)
  const bOwn = equalBytes(b.smesherId, own)
  if (aOwn !== bOwn) return aOwn
  for (let i = 0; i < a.id.length; i++) {
    if (a.id[i] !== b.id[i]) return a.id[i]! < b.id[i]!
  }
  return false
}
