/**
 * What the mesh applies (go-spacemesh `mesh/mesh.go` ProcessLayer over `Tortoise.Updates`): per
 * layer after genesis, the valid block once the layer is verified, Hare's block before that, or
 * nothing (an empty layer). Layers are applied in order and stop at the first undecided one. When
 * the tortoise's decision for an applied layer changes, everything from that layer is reverted
 * and re-applied — the "revert from L" a host turns into a state rollback.
 */
import { blockKey } from './decodeVotes.ts'

export interface AppliedLayer {
  readonly layer: number
  /** The block to apply; undefined = the layer is empty. */
  readonly block: Uint8Array | undefined
  /** Decided by vote counting (final unless self-healing flips it), not only by Hare. */
  readonly verified: boolean
}

export interface TortoiseUpdates {
  /** Set when layers ≥ revertFrom were applied before and must be rolled back first. */
  readonly revertFrom: number | undefined
  /** Layers to apply now, in order. */
  readonly layers: readonly AppliedLayer[]
}

export type LayerDecision = { decided: boolean; block: Uint8Array | undefined; verified: boolean }

/** `first` = the first layer after genesis. */
export function trackAppliedLayers(first: number) {
  const applied: (string | undefined)[] = []
  return {
    /** The applied blocks, index 0 = the first layer after genesis. */
    applied: (): readonly (string | undefined)[] => applied,
    update(from: number, processed: number, decide: (lid: number) => LayerDecision): TortoiseUpdates {
      const start = Math.max(first, Math.min(from, first + applied.length))
      let revertFrom: number | undefined
      const layers: AppliedLayer[] = []
      for (let lid = start; lid <= processed; lid++) {
        const d = decide(lid)
        if (!d.decided) break
        const key = d.block === undefined ? undefined : blockKey(d.block)
        const index = lid - first
        if (revertFrom === undefined && index < applied.length) {
          if (applied[index] === key) continue
          revertFrom = lid
          applied.length = index
        }
        applied.push(key)
        layers.push({ layer: lid, block: d.block, verified: d.verified })
      }
      return { revertFrom, layers }
    },
  }
}
