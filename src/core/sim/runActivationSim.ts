/**
 * The activation simulation: N smeshers and one PoET on the seeded scheduler and in-memory
 * network, running the NIPoST/ATX loop over `epochs` epochs with the real label function, PoST
 * prover and verifier, PoET prover and verifier. Every node validates every ATX; the result
 * counts verdicts, per-epoch ATXs and the gaps in each honest identity's chain. Same parameters,
 * same result: the run is a function of its seed.
 *
 * Extension points for consensus and adversaries: `hooks` (partitions, byzantine rewriting on the
 * network path), `extraActors` (any `SimActor` — beacon/hare/tortoise nodes, a byzantine smesher)
 * and the returned `world` (scheduler, network, nodes) for scenario steps between runs.
 */
import { hash32 } from '../crypto/index.ts'
import { type Preset, sim } from '../params/presets.ts'
import { createRng } from './createRng.ts'
import { createSharedLabels } from './createSharedLabels.ts'
import { Scheduler } from './Scheduler.ts'
import type { SimActor, SimContext } from './SimActor.ts'
import { SimNetwork, type SimNetworkHooks } from './SimNetwork.ts'
import { SimPoet } from './SimPoet.ts'
import { type SimObserver, SimSmesherNode } from './SimSmesherNode.ts'
import { type ActivationSimResult, createSimStats, summarizeActivationSim } from './summarizeActivationSim.ts'
import { createPoetMessageVerifier } from './verifyPoetMessage.ts'

export interface ActivationSimParameters {
  readonly seed: number
  readonly smeshers: number
  readonly epochs: number
  readonly preset?: Preset
  /** PoET sequential-work speed; with the sim preset, 32 leaves/s give 192 leaves (12 ticks) a round. */
  readonly poetLeavesPerSecond?: number
  readonly networkDelayMs?: { readonly min: number; readonly max: number }
  readonly hooks?: SimNetworkHooks
  readonly extraActors?: (ctx: SimContext) => SimActor[]
  /** Sees every verdict, publication and missed epoch, after the run's own statistics. */
  readonly observer?: SimObserver
  /** Scenario step run once the world is built, before any actor starts. */
  readonly setup?: (world: ActivationSimWorld) => void
  /** Keep running this long past the last epoch (consensus lets its last layers settle). */
  readonly runPastMs?: number
}

export interface ActivationSimWorld {
  readonly scheduler: Scheduler
  readonly network: SimNetwork
  readonly nodes: readonly SimSmesherNode[]
  readonly poet: SimPoet
}

export function runActivationSim(
  p: ActivationSimParameters,
): ActivationSimResult & { world: ActivationSimWorld } {
  const preset = p.preset ?? sim
  const rng = createRng(p.seed)
  const scheduler = new Scheduler()
  const network = new SimNetwork(
    scheduler,
    rng.fork(),
    p.networkDelayMs ?? { min: 5, max: 50 },
    p.hooks ?? {},
  )
  const ctx = (): SimContext => ({ scheduler, network, rng: rng.fork() })
  const genesisMs = 0
  // go-spacemesh `config/genesis.go`: golden ATX = blake3(genesis seconds ‖ extra data), genesis id its first 20 bytes.
  const ascii = (t: string) => Uint8Array.from(t, (c) => c.charCodeAt(0) & 0x7f)
  const goldenAtxId = hash32(ascii(String(genesisMs / 1000)), ascii(`sim-seed-${p.seed}`))
  const genesisId = goldenAtxId.slice(0, 20)

  const poet = new SimPoet('poet-0', ctx(), preset, p.poetLeavesPerSecond ?? 32, genesisMs)
  network.join(poet.id, (from, m) => poet.onMessage(from, m))
  const stats = createSimStats()
  const verifyPoetMessage = createPoetMessageVerifier()
  const computeLabelFull = createSharedLabels()
  const nodes: SimSmesherNode[] = []
  for (let i = 0; i < p.smeshers; i++) {
    const own = rng.fork()
    const maxUnits = Math.min(preset.post.maxNumUnits, preset.post.minNumUnits + 1)
    const node = new SimSmesherNode(`smesher-${i}`, ctx(), {
      preset,
      smesher: {
        seed: own.bytes(32),
        genesisId,
        goldenAtxId,
        genesisMs,
        coinbase: new Uint8Array([0, 0, 0, 0, ...own.bytes(20)]),
        numUnits: preset.post.minNumUnits + own.nextInt(maxUnits - preset.post.minNumUnits + 1),
        poets: [poet.id],
      },
      poets: new Map([[poet.id, poet]]),
      verifyPoetMessage,
      computeLabelFull,
      latencyMs: { poet: 10 + own.nextInt(40), initPost: 200, provePost: 100 + own.nextInt(200) },
      observer: chainObservers(stats.observer, p.observer),
    })
    network.join(node.id, (from, m) => node.onMessage(from, m))
    nodes.push(node)
  }
  const extra = p.extraActors?.(ctx()) ?? []
  for (const a of extra) network.join(a.id, (from, m) => a.onMessage(from, m))

  const world = { scheduler, network, nodes, poet }
  p.setup?.(world)
  poet.start()
  for (const n of nodes) n.start()
  for (const a of extra) a.start()
  const epochMs = preset.layerDurationMs * preset.layersPerEpoch
  scheduler.runUntil(genesisMs + (p.epochs + 1) * epochMs - 1 + (p.runPastMs ?? 0))

  return { ...summarizeActivationSim(p.seed, p.epochs, world, stats), world }
}

function chainObservers(a: SimObserver, b: SimObserver | undefined): SimObserver {
  if (b === undefined) return a
  return {
    atxVerdict: (node, r) => {
      a.atxVerdict?.(node, r)
      b.atxVerdict?.(node, r)
    },
    atxPublished: (node, atx) => {
      a.atxPublished?.(node, atx)
      b.atxPublished?.(node, atx)
    },
    epochMissed: (node, epoch, reason) => {
      a.epochMissed?.(node, epoch, reason)
      b.epochMissed?.(node, epoch, reason)
    },
  }
}
