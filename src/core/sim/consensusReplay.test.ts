/**
 * Replay (CONVENTIONS 18): the consensus run is a function of its seed — the same seed gives the
 * same blocks and state roots layer by layer. The one adversary votes against every block with
 * valid ballots (and gives Hare an empty input); the honest majority still agrees.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { runConsensusSim } from './runConsensusSim.ts'

const run = (seed: number) => {
  const { world, ...r } = runConsensusSim({
    seed,
    smeshers: 4,
    epochs: 2,
    byzantine: 1,
    behaviours: ['against'],
    txs: 12,
  })
  const history = world.nodes[0]!.ledger.layers.map((l) => `${l.layer}:${l.block}:${bytesToHex(l.root)}`)
  return { r, history }
}

describe('consensus simulation replay', () => {
  it('replays the same seed to the same blocks and state roots', () => {
    const seed = 11
    const a = run(seed)
    const b = run(seed)
    const ctx = `replay with seed ${seed}: ${JSON.stringify(a.r)}`
    expect(a.r.honestAgree, ctx).toBe(true)
    expect(a.r.txsApplied, ctx).toBeGreaterThan(0)
    expect(b.r.stateRoot, ctx).toBe(a.r.stateRoot)
    expect(b.history, ctx).toEqual(a.history)
    expect(b.r, ctx).toEqual(a.r)
  })
})
