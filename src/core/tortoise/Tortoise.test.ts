import { describe, expect, it } from 'vitest'
import { sim } from '../params/presets.ts'
import { createRng } from '../sim/createRng.ts'
import { runTortoiseScenario, scenarioBlockKey, type TortoiseScenario } from './runTortoiseScenario.ts'
import type { TortoiseConfig } from './TortoiseState.ts'

const config: TortoiseConfig = {
  ...sim.tortoise,
  layersPerEpoch: sim.layersPerEpoch,
  effectiveGenesis: sim.layersPerEpoch - 1,
}
const genesis = config.effectiveGenesis
const weights = [5, 8, 3, 9, 4, 6, 7, 2, 5, 6]

function expected(layers: number, noHare: number[] = []): string[] {
  return Array.from({ length: layers }, (_, i) =>
    noHare.includes(genesis + 1 + i) ? '' : scenarioBlockKey(genesis + 1 + i, 0),
  )
}

describe('Tortoise in seeded scenarios', () => {
  it('verifies every layer with an honest majority and applies the Hare output', () => {
    const noHare = [genesis + 4, genesis + 9]
    const seed = 11
    const nodes = runTortoiseScenario({ seed, config, weights, layers: 20, noHare })
    for (const [i, node] of nodes.entries()) {
      expect(node.tortoise.latestVerified, `seed ${seed} node ${i}`).toBe(genesis + 19) // the last layer waits for the next layer's votes
      expect(node.tortoise.mode, `seed ${seed} node ${i}`).toBe('verifying')
      expect(node.applied, `seed ${seed} node ${i}`).toEqual(expected(20, noHare))
      expect(node.reverts, `seed ${seed} node ${i}`).toEqual([])
      // In sync, the votes a node encodes hash to its own opinion of the last layer: the
      // ballot it casts next is "good" for every node that shares its history.
      const enc = node.tortoise.encodeVotes()
      expect(enc.ok && enc.opinionHash, `seed ${seed} node ${i}`).toEqual(node.tortoise.opinion(genesis + 20))
      expect(enc.ok && enc.votes.support.length + enc.votes.against.length, `seed ${seed} node ${i}`).toBe(1)
    }
  })

  it('applies the same sequence and hashes whatever order ballots arrive in', () => {
    const base: Omit<TortoiseScenario, 'seed'> = {
      config,
      weights,
      layers: 16,
      noHare: [genesis + 3],
      byzantine: [7],
    }
    const a = runTortoiseScenario({ ...base, seed: 1 })
    const b = runTortoiseScenario({ ...base, seed: 2 })
    const last = genesis + 15
    for (let i = 0; i < weights.length; i++) {
      if (i === 7) continue
      expect(a[i]!.applied, `seeds 1/2 node ${i}`).toEqual(a[0]!.applied)
      expect(b[i]!.applied, `seeds 1/2 node ${i}`).toEqual(a[0]!.applied)
      expect(b[i]!.tortoise.opinion(last), `seeds 1/2 node ${i}`).toEqual(a[0]!.tortoise.opinion(last))
    }
  })

  it('self-heals after a two-layer partition: the minority reverts to the majority history', () => {
    const seed = 5
    const from = genesis + 4
    // group 1 holds 2+9+4 = 15 of 55 weight.
    const nodes = runTortoiseScenario({
      seed,
      config,
      weights,
      layers: 30,
      partition: { from, to: from + 1, group1: [2, 3, 4] },
    })
    const majority = nodes[0]!
    for (const [i, node] of nodes.entries()) {
      expect(node.applied, `seed ${seed} node ${i}`).toEqual(majority.applied)
      expect(node.tortoise.latestVerified, `seed ${seed} node ${i}`).toBe(genesis + 29)
      expect(node.tortoise.mode, `seed ${seed} node ${i}`).toBe('verifying')
    }
    expect(majority.applied[from - genesis - 1]).toBe(scenarioBlockKey(from, 0))
    expect(majority.applied[from - genesis]).toBe(scenarioBlockKey(from + 1, 0))
    for (const i of [2, 3, 4]) {
      expect(nodes[i]!.reverts.length, `seed ${seed} node ${i}`).toBeGreaterThan(0)
      expect(Math.min(...nodes[i]!.reverts), `seed ${seed} node ${i}`).toBeLessThanOrEqual(from)
    }
  })

  it('keeps verifying with a byzantine quarter, and stalls without throwing above a third', () => {
    const seed = 9
    const quarter = runTortoiseScenario({ seed, config, weights, layers: 16, byzantine: [1, 7, 2] }) // 13/55
    const honest = quarter.filter((_, i) => ![1, 7, 2].includes(i))
    for (const node of honest) {
      expect(node.tortoise.latestVerified, `seed ${seed}`).toBeGreaterThanOrEqual(genesis + 12)
      expect(node.applied.slice(0, 12)).toEqual(expected(12))
    }
    const third = runTortoiseScenario({ seed, config, weights, layers: 16, byzantine: [1, 3, 6] }) // 24/55
    const honestThird = third.filter((_, i) => ![1, 3, 6].includes(i))
    for (const [i, node] of honestThird.entries()) {
      // Verification stalls right after genesis: no block gathers a margin above the global
      // threshold, so no layer is final while the mesh keeps growing.
      expect(node.tortoise.latestVerified, `seed ${seed} node ${i}`).toBeLessThan(genesis + 4)
      expect(node.tortoise.mode, `seed ${seed} node ${i}`).toBe('full')
      // Undecided blocks beyond hdist make honest nodes vote by the weak coin; the adversary's
      // weight then tips full mode into rejecting blocks Hare had agreed on: history flips.
      expect(node.reverts.length, `seed ${seed} node ${i}`).toBeGreaterThan(0)
      expect(node.applied, `seed ${seed} node ${i}`).not.toEqual(expected(16))
      // Honest nodes still agree with each other.
      expect(node.applied, `seed ${seed} node ${i}`).toEqual(honestThird[0]!.applied)
    }
  })
})

describe('Tortoise under random seeded scenarios', () => {
  it('never throws, and honest nodes agree on every layer they have all verified', () => {
    for (const seed of [101, 202, 303, 404]) {
      const rng = createRng(seed)
      const n = 5 + rng.nextInt(4)
      const w = Array.from({ length: n }, () => 1 + rng.nextInt(9))
      const byzantine = rng.nextInt(2) === 1 ? [rng.nextInt(n)] : []
      const noHare = [genesis + 2 + rng.nextInt(8)]
      const from = genesis + 3 + rng.nextInt(4)
      const partition = rng.nextInt(2) === 1 ? { from, to: from + rng.nextInt(2), group1: [0] } : undefined
      const scenario = {
        seed,
        config,
        weights: w,
        layers: 14,
        byzantine,
        noHare,
        ...(partition && { partition }),
      }
      const nodes = runTortoiseScenario(scenario).filter((_, i) => !byzantine.includes(i))
      const common = Math.min(...nodes.map((x) => x.tortoise.latestVerified)) - genesis
      for (const [i, node] of nodes.entries()) {
        expect(
          node.applied.slice(0, common),
          `seed ${seed} node ${i} ${JSON.stringify(scenario.weights)}`,
        ).toEqual(nodes[0]!.applied.slice(0, common))
      }
    }
  })
})
