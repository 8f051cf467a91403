/**
 * When a smesher acts for the ATX it publishes in epoch P (post-poet.md §4; go-spacemesh
 * `activation.go`, `nipost.go`), from the PoET round times (poet `RoundStart`/`RoundEnd`):
 *   round start  = start(P−1) + PhaseShift        registrations close, sequential work begins
 *   register at  = round start − GracePeriod      choose the positioning ATX, submit the challenge
 *   round end    = round start + epoch − CycleGap the proof is out; fetch it, prove PoST
 *   publish window = [start(P), start(P+1))        the ATX must be published inside epoch P
 * The PoET round id for publish epoch P is P − 1.
 */
import type { Preset } from '../params/presets.ts'

export interface SmesherSchedule {
  readonly publishEpoch: number
  readonly poetRound: number
  readonly registerAtMs: number
  readonly roundStartMs: number
  readonly roundEndMs: number
  readonly publishStartMs: number
  readonly publishEndMs: number
}

export type SchedulePreset = Pick<Preset, 'layerDurationMs' | 'layersPerEpoch' | 'poet' | 'atx'>

export function computeSmesherSchedule(
  publishEpoch: number,
  genesisMs: number,
  preset: SchedulePreset,
): SmesherSchedule {
  if (!Number.isInteger(publishEpoch) || publishEpoch < 1) {
    throw new RangeError(`publishEpoch: expected an integer >= 1, got ${publishEpoch}`)
  }
  const epochMs = preset.layerDurationMs * preset.layersPerEpoch
  const roundStartMs = genesisMs + (publishEpoch - 1) * epochMs + preset.poet.phaseShiftMs
  return {
    publishEpoch,
    poetRound: publishEpoch - 1,
    registerAtMs: roundStartMs - preset.atx.poetGracePeriodMs,
    roundStartMs,
    roundEndMs: roundStartMs + epochMs - preset.poet.cycleGapMs,
    publishStartMs: genesisMs + publishEpoch * epochMs,
    publishEndMs: genesisMs + (publishEpoch + 1) * epochMs,
  }
}

/** The first publish epoch whose registration time is not yet past at `nowMs`. */
export function firstReachableEpoch(nowMs: number, genesisMs: number, preset: SchedulePreset): number {
  let epoch = 1
  while (computeSmesherSchedule(epoch, genesisMs, preset).registerAtMs < nowMs) epoch++
  return epoch
}
