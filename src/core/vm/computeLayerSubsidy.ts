/**
 * The subsidy a layer mints (go-spacemesh `genvm/rewards.go addRewards`): on every go-spacemesh
 * network it is `economics.TotalSubsidyAtLayer(layer − FirstEffectiveGenesis)`, where
 * `FirstEffectiveGenesis = 2 · LayersPerEpoch − 1` (`common/types/layer.go`) — always the
 * *first* effective genesis, even after a checkpoint recovery moves the effective one. go panics
 * (`LayerID.Difference`) for an earlier layer; genvm never applies one, and we refuse it too.
 * A flat schedule exists for unit tests and toy networks.
 */
import type { SubsidySchedule } from '../params/presets.ts'
import { computeSubsidyAtIndex } from './computeAccumulatedSubsidy.ts'

export function computeLayerSubsidy(schedule: SubsidySchedule, layer: number): bigint {
  if (!Number.isInteger(layer) || layer < 0 || layer > 0xffff_ffff)
    throw new RangeError(`layer: expected u32, got ${layer}`)
  if (schedule.kind === 'constant') return schedule.perLayer
  if (layer < schedule.firstEffectiveGenesis)
    throw new RangeError(
      `layer: expected ≥ first effective genesis ${schedule.firstEffectiveGenesis}, got ${layer}`,
    )
  return computeSubsidyAtIndex(layer - schedule.firstEffectiveGenesis)
}
