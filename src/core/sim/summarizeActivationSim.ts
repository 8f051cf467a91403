/**
 * What an activation run reports: ATXs per publish epoch as the first node sees them, every
 * non-ACCEPT verdict by code, epochs the loops gave up, the chain gaps of each smesher (an epoch
 * after its first ATX without one), and the cost (scheduler events, messages, virtual time).
 */
import type { ValidateAtxReturnType } from '../activation/validateAtx.ts'
import type { Scheduler } from './Scheduler.ts'
import type { SimNetwork } from './SimNetwork.ts'
import type { SimObserver, SimSmesherNode } from './SimSmesherNode.ts'

export interface ActivationSimResult {
  readonly seed: number
  readonly epochs: number
  readonly smeshers: number
  /** Index e: valid ATXs with publish epoch e (index 0 is always 0: genesis has none). */
  readonly atxsPerEpoch: number[]
  /** Verdicts REJECT plus IGNORE other than a missing dependency, summed over all nodes. */
  readonly invalidAtxs: number
  readonly invalidByCode: Record<string, number>
  readonly missedEpochs: number
  /** Identity-epochs after an identity's first ATX without an ATX. */
  readonly chainGaps: number
  /** Whether every node ended with the same ATX set. */
  readonly viewsAgree: boolean
  /** Highest tick height reached, and the PoET ticks of each publish epoch's ATXs. */
  readonly ticks: number
  readonly ticksPerEpoch: number[]
  readonly totalWeight: string
  readonly events: number
  readonly messages: number
  readonly virtualTimeMs: number
}

export interface SimStats {
  readonly observer: SimObserver
  readonly invalidByCode: Record<string, number>
  missed: number
}

export function createSimStats(): SimStats {
  const stats: SimStats = {
    invalidByCode: {},
    missed: 0,
    observer: {
      atxVerdict(_node: string, r: ValidateAtxReturnType) {
        if (r.verdict === 'ACCEPT') return
        stats.invalidByCode[r.error.code] = (stats.invalidByCode[r.error.code] ?? 0) + 1
      },
      epochMissed() {
        stats.missed++
      },
    },
  }
  return stats
}

export function summarizeActivationSim(
  seed: number,
  epochs: number,
  world: { scheduler: Scheduler; network: SimNetwork; nodes: readonly SimSmesherNode[] },
  stats: SimStats,
): ActivationSimResult {
  const view = world.nodes[0]?.atxs
  const atxsPerEpoch: number[] = []
  const ticksPerEpoch: number[] = []
  let ticks = 0n
  let weight = 0n
  for (let e = 0; e <= epochs; e++) {
    const inEpoch = view?.inEpoch(e) ?? []
    atxsPerEpoch.push(inEpoch.length)
    ticksPerEpoch.push(Number(inEpoch[0]?.tickCount ?? 0n))
    for (const h of inEpoch) {
      if (h.tickHeight > ticks) ticks = h.tickHeight
      weight += h.weight
    }
  }
  let chainGaps = 0
  for (const node of world.nodes) {
    const id = node.smesher.nodeId
    let first: number | undefined
    for (let e = 1; e <= epochs; e++) {
      const has = view?.bySmesherInEpoch(id, e) !== undefined
      if (first === undefined) {
        if (has) first = e
      } else if (!has) chainGaps++
    }
    if (first === undefined) chainGaps++
  }
  const viewsAgree = world.nodes.every((n) => n.atxs.size === view?.size)
  const invalidAtxs = Object.values(stats.invalidByCode).reduce((a, b) => a + b, 0)
  return {
    seed,
    epochs,
    smeshers: world.nodes.length,
    atxsPerEpoch,
    invalidAtxs,
    invalidByCode: stats.invalidByCode,
    missedEpochs: stats.missed,
    chainGaps,
    viewsAgree,
    ticks: Number(ticks),
    ticksPerEpoch,
    totalWeight: weight.toString(),
    events: world.scheduler.executed,
    messages: world.network.delivered,
    virtualTimeMs: world.scheduler.now,
  }
}
