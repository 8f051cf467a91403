/**
 * The consensus simulation: the activation simulation (runActivationSim) plus, per smesher, a
 * SimConsensusNode that runs proposals, Hare, certificates, blocks, the Tortoise and the VM on
 * the ATXs its smesher accepted, from epoch 2 (the first whose active set, the ATXs published in
 * epoch 1, exists). Transactions come from SimTxGenerator; adversaries are the last `byzantine`
 * smeshers, cycling through the behaviours; a partition cuts the first third of the consensus
 * nodes off the rest for a range of layers. The run is a function of its parameters and seed.
 */
import { bytesToHex as hex } from '@noble/hashes/utils.js'
import { hash32 } from '../crypto/hash.ts'
import { type Preset, sim } from '../params/presets.ts'
import { createVmState } from '../vm/VmState.ts'
import { runActivationSim } from './runActivationSim.ts'
import type { SimContext } from './SimActor.ts'
import { BEACON_TOPIC_PREFIX } from './SimBeaconRunner.ts'
import { type ConsensusBehaviour, ConsensusTopic, SimConsensusNode } from './SimConsensusNode.ts'
import { SimConsensusShared } from './SimConsensusShared.ts'
import type { SimMessage } from './SimNetwork.ts'
import type { SimSmesherNode } from './SimSmesherNode.ts'
import { SimTxGenerator } from './SimTxGenerator.ts'
import { type ConsensusSimResult, summarizeConsensusSim } from './summarizeConsensusSim.ts'

export const BYZANTINE_BEHAVIOURS: readonly ConsensusBehaviour[] = [
  'equivocate',
  'silent',
  'invalid',
  'against',
]

export interface ConsensusSimParameters {
  readonly seed: number
  readonly smeshers: number
  readonly epochs: number
  readonly byzantine?: number
  /** Behaviours of the byzantine smeshers, cycled (default BYZANTINE_BEHAVIOURS). */
  readonly behaviours?: readonly ConsensusBehaviour[]
  readonly partition?: { readonly from: number; readonly to: number }
  readonly txs?: number
  readonly preset?: Preset
  readonly networkDelayMs?: { readonly min: number; readonly max: number }
}

const TOPICS = new Set<string>(Object.values(ConsensusTopic))
const isConsensusTopic = (t: string) => TOPICS.has(t) || t.startsWith(BEACON_TOPIC_PREFIX)

export function runConsensusSim(p: ConsensusSimParameters): ConsensusSimResult & {
  world: {
    nodes: readonly SimConsensusNode[]
    shared: SimConsensusShared
    smeshers: readonly SimSmesherNode[]
  }
} {
  const preset = p.preset ?? sim
  const byzantine = Math.min(p.byzantine ?? 0, p.smeshers)
  const behaviours = p.behaviours ?? BYZANTINE_BEHAVIOURS
  const behaviourOf = (i: number): ConsensusBehaviour =>
    i < p.smeshers - byzantine ? 'honest' : behaviours[(i - (p.smeshers - byzantine)) % behaviours.length]!
  const firstLayer = 2 * preset.layersPerEpoch
  const lastLayer = (p.epochs + 1) * preset.layersPerEpoch - 1
  // Nodes keep running one more epoch so a layer healed late (full mode after a Hare split or a
  // partition) is settled everywhere before the run is read; the report covers ≤ lastLayer.
  const tailLayers = preset.layersPerEpoch
  // The activation sim's genesis ID (runActivationSim: golden ATX = blake3("0" ‖ "sim-seed-<seed>")).
  const ascii = (t: string) => Uint8Array.from(t, (c) => c.charCodeAt(0) & 0x7f)
  const genesisId = hash32(ascii('0'), ascii(`sim-seed-${p.seed}`)).slice(0, 20)
  const shared = new SimConsensusShared()
  const nodes: SimConsensusNode[] = []
  let smeshers: readonly SimSmesherNode[] = []
  let generator: SimTxGenerator | undefined
  const indexOf = (id: string): number => Number(id.slice(id.lastIndexOf('-') + 1))
  const layerNow = { get: () => 0 }

  const outgoing = (from: string, m: SimMessage): SimMessage[] => {
    if (!isConsensusTopic(m.topic) || !from.startsWith('consensus-')) return [m]
    const b = behaviourOf(indexOf(from))
    if (b === 'silent') return []
    if (b === 'invalid') {
      // Corrupt the trailing signature byte: decodes, fails verification.
      const data = m.data.slice()
      data[data.length - 1]! ^= 0xff
      return [{ topic: m.topic, data }]
    }
    return [m]
  }
  const minority = Math.max(1, Math.floor(p.smeshers / 3))
  const link = (from: string, to: string, m: SimMessage): boolean => {
    const part = p.partition
    if (part === undefined || !isConsensusTopic(m.topic)) return true
    const layer = layerNow.get()
    if (layer < part.from || layer > part.to) return true
    const side = (id: string) => (id.startsWith('consensus-') && indexOf(id) < minority ? 1 : 0)
    return side(from) === side(to)
  }

  const run = runActivationSim({
    seed: p.seed,
    smeshers: p.smeshers,
    epochs: p.epochs,
    preset,
    // Gossip must beat a Hare round (sim preset 25 ms), as go-spacemesh's ~1 s gossip beats its 12 s rounds.
    networkDelayMs: p.networkDelayMs ?? {
      min: 2,
      max: Math.max(2, Math.floor(preset.hare.roundDurationMs / 3)),
    },
    hooks: { outgoing, link },
    runPastMs: tailLayers * preset.layerDurationMs,
    extraActors: (ctx: SimContext) => {
      layerNow.get = () => Math.floor(ctx.scheduler.now / preset.layerDurationMs)
      generator = new SimTxGenerator(
        ctx,
        {
          total: p.txs ?? 0,
          from: firstLayer,
          to: lastLayer - 4,
          layerDurationMs: preset.layerDurationMs,
          genesisId,
          balance: 1_000_000_000_000n,
        },
        () => nodes,
      )
      const genesisState = createVmState(generator.genesisAccounts())
      for (let i = 0; i < p.smeshers; i++) {
        nodes.push(
          new SimConsensusNode(
            `consensus-${i}`,
            { ...ctx, rng: ctx.rng.fork() },
            {
              preset,
              genesisId,
              smesher: () => smeshers[i]!,
              shared,
              behaviour: behaviourOf(i),
              genesisState,
              vm: { genesisId, blockGasLimit: preset.vm.blockGasLimit, subsidy: preset.vm.subsidy },
              firstLayer,
              lastLayer: lastLayer + tailLayers,
              txsPerProposal: 100,
            },
          ),
        )
      }
      return [...nodes, generator]
    },
    setup: (world) => {
      smeshers = world.nodes
      for (const n of world.nodes)
        shared.coinbaseBySmesher.set(hex(n.smesher.nodeId), n.smesher.config.coinbase)
    },
  })
  const world = { nodes, shared, smeshers }
  return { ...summarizeConsensusSim(p, { firstLayer, lastLayer, byzantine }, world, generator!, run), world }
}
