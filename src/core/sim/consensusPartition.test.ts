/**
 * A partition of two layers (consensus gossip cut between a third of the nodes and the rest):
 * the minority cannot reach the Hare threshold and takes those layers as empty, the majority
 * builds blocks; once the partition heals, the minority fetches the ballots and blocks it missed
 * and the Tortoise (full mode, protocol-spec §9 self-healing) moves it onto the majority's
 * history: every honest node ends with the same blocks and state roots.
 */
import { describe, expect, it } from 'vitest'
import { runConsensusSim } from './runConsensusSim.ts'

describe('consensus simulation partition', () => {
  it('converges again after a 2-layer partition', () => {
    const seed = 5
    const { world, ...r } = runConsensusSim({
      seed,
      smeshers: 5,
      epochs: 3,
      txs: 20,
      partition: { from: 18, to: 19 },
    })
    const ctx = `replay with seed ${seed}: ${JSON.stringify(r)}`
    const minority = world.nodes[0]!
    const majority = world.nodes[4]!
    // During the partition the two sides' Hare outputs differed …
    expect(minority.hareOutput.get(18) ?? '', ctx).not.toBe(majority.hareOutput.get(18) ?? '')
    // … and afterwards the minority reverted and adopted the majority's blocks.
    expect(minority.ledger.reverts, ctx).toBeGreaterThan(0)
    const block = (n: typeof minority, l: number) => n.ledger.layers.find((x) => x.layer === l)?.block
    expect(block(minority, 18), ctx).toBe(block(majority, 18))
    expect(block(majority, 18), ctx).not.toBe('')
    expect(r.honestAgree, ctx).toBe(true)
    expect(r.txsNeverApplied, ctx).toBe(0)
  })
})
