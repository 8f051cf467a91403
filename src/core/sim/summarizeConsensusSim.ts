/**
 * What a consensus run reports, read from the honest nodes' ledgers: whether they agree on the
 * block and state root of every layer, the last root, txs applied (and any applied twice or
 * never), the coinbases rewarded per epoch and honest smeshers with an ATX left unrewarded,
 * Hare/certificate/Tortoise figures, and the activation summary underneath.
 */
import { bytesToHex as hex } from '@noble/hashes/utils.js'
import { hash32 } from '../crypto/hash.ts'
import type { SimConsensusNode } from './SimConsensusNode.ts'
import type { SimSmesherNode } from './SimSmesherNode.ts'
import type { SimTxGenerator } from './SimTxGenerator.ts'
import type { ActivationSimResult } from './summarizeActivationSim.ts'

export interface ConsensusSimResult {
  readonly seed: number
  readonly smeshers: number
  readonly byzantine: number
  /** Byzantine share of the total ATX weight of the first consensus epoch. */
  readonly byzantineWeight: number
  readonly epochs: number
  readonly firstLayer: number
  /** Layers reported: firstLayer .. the last layer of the last epoch (the run goes one epoch on). */
  readonly layers: number
  readonly honestAgree: boolean
  /** Layers on which at least two honest nodes differ (block or root). */
  readonly disagreeingLayers: number[]
  readonly stateRoot: string
  readonly emptyLayers: number
  readonly certifiedLayers: number
  readonly txsSubmitted: number
  readonly txsAccepted: number
  readonly txsApplied: number
  readonly txsAppliedTwice: number
  readonly txsNeverApplied: number
  /** Per consensus epoch (index 0 = epoch 2): distinct coinbases rewarded. */
  readonly rewardedSmeshers: number[]
  /** Per consensus epoch: honest smeshers with an ATX for it that got no reward in it. */
  readonly honestUnrewarded: number[]
  /** Consensus epochs whose beacon came from the beacon protocol (the first uses the bootstrap). */
  readonly protocolBeacons: number
  /** Whether the honest nodes used the same beacon in every consensus epoch. */
  readonly beaconsAgree: boolean
  readonly hareFailed: number
  readonly equivocatorsDetected: number
  readonly reverts: number
  readonly rejected: Record<string, number>
  readonly activation: Pick<ActivationSimResult, 'atxsPerEpoch' | 'invalidAtxs' | 'chainGaps'>
  readonly events: number
  readonly messages: number
}

export function summarizeConsensusSim(
  p: { seed: number; smeshers: number; epochs: number },
  l: { firstLayer: number; lastLayer: number; byzantine: number },
  world: { nodes: readonly SimConsensusNode[]; smeshers: readonly SimSmesherNode[] },
  generator: SimTxGenerator,
  activation: ActivationSimResult,
): ConsensusSimResult {
  const honest = world.nodes.filter((n) => n.o.behaviour === 'honest')
  const ref = honest[0]
  // Reported layers end at lastLayer; the nodes ran an epoch beyond it, so these are settled.
  const settled = l.lastLayer
  const settledOf = (n: SimConsensusNode) => n.ledger.layers.filter((x) => x.layer <= settled)
  const history = ref === undefined ? [] : settledOf(ref)
  const disagreeing = new Set<number>()
  for (const n of honest) {
    const h = settledOf(n)
    for (let i = 0; i < Math.max(h.length, history.length); i++) {
      const a = h[i]
      const b = history[i]
      if (a === undefined || b === undefined || a.block !== b.block || hex(a.root) !== hex(b.root))
        disagreeing.add(a?.layer ?? b?.layer ?? -1)
    }
  }
  const executed = new Map<string, number>()
  for (const layer of history) for (const id of layer.executed) executed.set(id, (executed.get(id) ?? 0) + 1)
  const accepted = generator.accepted.map((raw) => hex(hash32(raw)))
  const lpe = ref?.o.preset.layersPerEpoch ?? 1
  const firstEpoch = Math.floor(l.firstLayer / lpe)
  const rewarded: Set<string>[] = []
  for (const layer of history) {
    const e = Math.floor(layer.layer / lpe) - firstEpoch
    rewarded[e] ??= new Set()
    for (const cb of layer.rewarded) rewarded[e]!.add(cb)
  }
  const honestUnrewarded: number[] = []
  for (let e = firstEpoch; e <= p.epochs; e++) {
    let missing = 0
    world.smeshers.forEach((s, i) => {
      if (world.nodes[i]?.o.behaviour !== 'honest') return
      if (s.atxs.bySmesherInEpoch(s.smesher.nodeId, e - 1) === undefined) return
      if (!rewarded[e - firstEpoch]?.has(hex(s.smesher.config.coinbase))) missing++
    })
    honestUnrewarded.push(missing)
  }
  const v = ref?.view(firstEpoch)
  let byzWeight = 0n
  world.smeshers.forEach((s, i) => {
    if (world.nodes[i]?.o.behaviour !== 'honest') byzWeight += v?.weights.get(hex(s.smesher.nodeId)) ?? 0n
  })
  let protocolBeacons = 0
  let beaconsAgree = true
  for (let e = firstEpoch; e <= p.epochs; e++) {
    if (ref?.view(e).beaconFromProtocol === true) protocolBeacons++
    if (new Set(honest.map((n) => hex(n.view(e).beacon))).size > 1) beaconsAgree = false
  }
  const rejected: Record<string, number> = {}
  for (const n of honest)
    for (const [k, c] of Object.entries(n.counters.rejected)) rejected[k] = (rejected[k] ?? 0) + c
  return {
    seed: p.seed,
    smeshers: p.smeshers,
    byzantine: l.byzantine,
    byzantineWeight:
      v === undefined || v.totalWeight === 0n ? 0 : Number((byzWeight * 10000n) / v.totalWeight) / 10000,
    epochs: p.epochs,
    firstLayer: l.firstLayer,
    layers: history.length,
    honestAgree: disagreeing.size === 0 && history.length === settled - l.firstLayer + 1,
    disagreeingLayers: [...disagreeing].sort((a, b) => a - b),
    stateRoot: hex(history[history.length - 1]?.root ?? new Uint8Array(32)),
    emptyLayers: history.filter((x) => x.block === '').length,
    certifiedLayers: ref?.certificates.size ?? 0,
    txsSubmitted: generator.submitted,
    txsAccepted: accepted.length,
    txsApplied: executed.size,
    txsAppliedTwice: [...executed.values()].filter((c) => c > 1).length,
    txsNeverApplied: accepted.filter((id) => !executed.has(id)).length,
    rewardedSmeshers: rewarded.map((s) => s?.size ?? 0),
    honestUnrewarded,
    protocolBeacons,
    beaconsAgree,
    hareFailed: honest.reduce((a, n) => a + n.counters.hareFailed, 0),
    equivocatorsDetected: Math.max(0, ...honest.map((n) => n.malicious.size)),
    reverts: honest.reduce((a, n) => a + n.ledger.reverts, 0),
    rejected,
    activation: {
      atxsPerEpoch: activation.atxsPerEpoch,
      invalidAtxs: activation.invalidAtxs,
      chainGaps: activation.chainGaps,
    },
    events: activation.events,
    messages: activation.messages,
  }
}
