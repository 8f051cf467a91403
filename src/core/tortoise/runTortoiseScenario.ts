/**
 * A seeded scenario generator for the tortoise (modelled on go-spacemesh `tortoise/sim`): N
 * smeshers, each with its own Tortoise, one ballot per smesher per layer voting what its tortoise
 * encodes, one block per layer that Hare agrees on, optional layers without a Hare output,
 * byzantine smeshers that vote against every block ever produced, and an optional
 * partition during which two groups agree on different blocks and see only their own ballots.
 *
 * Driving contract per layer L (as go-spacemesh's miner, hare and mesh drive it):
 *   1. layer start: encodeVotes(L) → the ballot of L, gossiped; every node feeds it to onBallot;
 *   2. Hare for L ends: onBlock + onHareOutput(L, block | undefined), onWeakCoin(L, coin);
 *   3. tallyVotes(L) (mesh ProcessLayer), then updates() → revert / apply.
 * Delivery order of ballots is shuffled per node, so tests can check order independence.
 */
import { hash20 } from '../crypto/hash.ts'
import { createRng } from '../sim/createRng.ts'
import { blockKey, decodeVoteList } from './decodeVotes.ts'
import { type BlockRef, Tortoise, type TortoiseBallot } from './Tortoise.ts'
import type { TortoiseConfig } from './TortoiseState.ts'

export interface TortoiseScenario {
  readonly seed: number
  readonly config: TortoiseConfig
  readonly weights: readonly number[]
  readonly layers: number
  /** Indices of smeshers whose ballots vote against every block of every layer. */
  readonly byzantine?: readonly number[]
  /** Layers in which Hare produced nothing. */
  readonly noHare?: readonly number[]
  /** Layers [from, to] in which smeshers of group 1 (index in `group1`) are cut off. */
  readonly partition?: { readonly from: number; readonly to: number; readonly group1: readonly number[] }
}

export interface NodeResult {
  readonly tortoise: Tortoise
  /** Applied block key per layer after genesis ('' = empty layer). */
  readonly applied: string[]
  /** Every revert the node reported. */
  readonly reverts: number[]
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0))
const tag = ascii
const u32 = (n: number) => Uint8Array.of(n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24)

export function runTortoiseScenario(s: TortoiseScenario): NodeResult[] {
  const rng = createRng(s.seed)
  const { config } = s
  const genesis = config.effectiveGenesis
  const n = s.weights.length
  const byz = new Set(s.byzantine ?? [])
  const noHare = new Set(s.noHare ?? [])
  const group1 = new Set(s.partition?.group1 ?? [])
  const groupOf = (i: number) => (group1.has(i) ? 1 : 0)
  const beacon = Uint8Array.of(1, 2, 3, 4)
  const lastLayer = genesis + s.layers
  const nodes = Array.from({ length: n }, () => ({
    tortoise: new Tortoise(config),
    applied: [] as string[],
    reverts: [] as number[],
    missed: [] as TortoiseBallot[],
    missedBlocks: [] as BlockRef[],
  }))
  const atxId = (i: number, epoch: number) => hash32Of('atx', i, epoch)
  for (const node of nodes) {
    for (let e = 0; e <= Math.floor(lastLayer / config.layersPerEpoch) + 1; e++) {
      node.tortoise.onBeacon(e, beacon)
      s.weights.forEach((w, i) => {
        node.tortoise.onAtx(e, atxId(i, e), w)
      })
    }
  }
  const partitioned = (l: number) => s.partition !== undefined && l >= s.partition.from && l <= s.partition.to

  for (let layer = genesis + 1; layer <= lastLayer; layer++) {
    const epoch = Math.floor(layer / config.layersPerEpoch)
    // 1. every smesher casts one ballot voting its tortoise's opinion
    const ballots: { from: number; ballot: TortoiseBallot }[] = []
    nodes.forEach((node, i) => {
      const enc = byz.has(i) ? voteAgainstEverything(genesis, layer) : node.tortoise.encodeVotes(layer)
      if (!enc.ok) return
      ballots.push({
        from: i,
        ballot: {
          id: hash20(tag('ballot'), u32(layer), u32(i)),
          layer,
          atxId: atxId(i, epoch),
          eligibilities: 1,
          epochData: { beacon, eligibilityCount: config.layersPerEpoch },
          opinionHash: enc.opinionHash,
          votes: enc.votes,
        },
      })
    })
    // 2. gossip, shuffled per receiver; a partition only delivers within a group
    nodes.forEach((node, r) => {
      const order = [...ballots]
      for (let k = order.length - 1; k > 0; k--) {
        const j = rng.nextInt(k + 1)
        ;[order[k], order[j]] = [order[j]!, order[k]!]
      }
      for (const { from, ballot } of order) {
        if (partitioned(layer) && groupOf(from) !== groupOf(r)) node.missed.push(ballot)
        else node.tortoise.onBallot(ballot)
      }
    })
    // 3. Hare: one block per group (one block overall outside a partition)
    const coin = rng.nextInt(2) === 1
    nodes.forEach((node, r) => {
      const group = partitioned(layer) ? groupOf(r) : 0
      const block: BlockRef = {
        id: hash20(tag('block'), u32(layer), u32(group)),
        layer,
        height: 0n,
      }
      if (partitioned(layer)) {
        const other = { ...block, id: hash20(tag('block'), u32(layer), u32(1 - group)) }
        node.missedBlocks.push(other)
      }
      node.tortoise.onWeakCoin(layer, coin)
      if (noHare.has(layer)) return
      node.tortoise.onBlock(block)
      node.tortoise.onHareOutput(layer, block)
    })
    // the partition heals: everything missed is delivered, oldest first
    if (s.partition !== undefined && layer === s.partition.to) {
      for (const node of nodes) {
        for (const b of node.missedBlocks) node.tortoise.onBlock(b)
        for (const b of node.missed.sort((a, b) => a.layer - b.layer)) node.tortoise.onBallot(b)
        node.missed.length = 0
        node.missedBlocks.length = 0
      }
    }
    // 4. count and apply
    for (const node of nodes) {
      node.tortoise.tallyVotes(layer)
      const u = node.tortoise.updates()
      if (u.revertFrom !== undefined) {
        node.reverts.push(u.revertFrom)
        node.applied.length = u.revertFrom - genesis - 1
      }
      for (const l of u.layers)
        node.applied[l.layer - genesis - 1] = l.block === undefined ? '' : blockKey(l.block)
    }
  }
  return nodes.map(({ tortoise, applied, reverts }) => ({ tortoise, applied, reverts }))
}

/** The adversary's ballot: genesis as base and no exception, i.e. against everything. */
function voteAgainstEverything(genesis: number, layer: number) {
  const votes = { base: new Uint8Array(20), support: [], against: [], abstain: [] }
  const decoded = decodeVoteList({
    genesis,
    baseLayer: genesis,
    baseVotes: undefined,
    ballotLayer: layer,
    exceptions: votes,
  })
  return { ok: true as const, votes, opinionHash: decoded.tail!.opinion }
}

function hash32Of(tag: string, a: number, b: number): Uint8Array {
  const id = new Uint8Array(32)
  id.set(hash20(ascii(tag), u32(a), u32(b)))
  return id
}

/** The block Hare agreed on in `layer` for `group` in a scenario (for assertions). */
export function scenarioBlockKey(layer: number, group: number): string {
  return blockKey(hash20(tag('block'), u32(layer), u32(group)))
}
