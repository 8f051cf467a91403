import { describe, expect, it } from 'vitest'
import type { Votes } from '../mesh/ballotCodec.ts'
import { computeOpinionHash } from './computeOpinionHash.ts'
import { decodeVoteList, decodeVotes } from './decodeVotes.ts'
import { Tortoise } from './Tortoise.ts'
import type { LayerVote } from './TortoiseState.ts'

const block = (n: number, layer: number) => ({ id: new Uint8Array(20).fill(n), layer, height: 0n })
const list = (tail: LayerVote | undefined): LayerVote[] => {
  const out: LayerVote[] = []
  for (let v = tail; v !== undefined; v = v.prev) out.unshift(v)
  return out
}
const none: Votes = { base: new Uint8Array(20), support: [], against: [], abstain: [] }

describe('decodeVotes', () => {
  it('chains the layer opinions from genesis and applies support, against and abstain', () => {
    const a = block(1, 8)
    const first = decodeVoteList({
      genesis: 7,
      baseLayer: 7,
      baseVotes: undefined,
      ballotLayer: 10,
      exceptions: { ...none, support: [a], abstain: [9] },
    })
    expect(list(first.tail).map((v) => [v.layer, v.abstain, v.support.length])).toEqual([
      [7, false, 0],
      [8, false, 1],
      [9, true, 0],
    ])
    const h7 = computeOpinionHash(undefined, { abstain: false, support: [] })
    const h8 = computeOpinionHash(h7, { abstain: false, support: [a] })
    expect(first.tail!.opinion).toEqual(computeOpinionHash(h8, { abstain: true }))
    // A later ballot based on it turns against a and supports b, and inherits the rest.
    const b = block(2, 8)
    const second = decodeVoteList({
      genesis: 7,
      baseLayer: 10,
      baseVotes: first.tail,
      ballotLayer: 11,
      exceptions: { ...none, base: new Uint8Array(20).fill(9), support: [b], against: [a] },
    })
    const [s7, s8, s9] = list(second.tail)
    expect(second.from).toBe(8)
    expect(s8!.support.map((s) => s.id[0])).toEqual([2])
    expect(s9).toMatchObject({ layer: 9, abstain: true })
    expect(s7).toBe(list(first.tail)[0]) // the untouched prefix is shared, not copied
    const asArray = decodeVotes({
      genesis: 7,
      baseLayer: 7,
      baseVotes: [],
      ballotLayer: 10,
      exceptions: { ...none, support: [a], abstain: [9] },
    })
    expect(asArray).toEqual(list(first.tail))
  })

  it('rejects contradictory or out-of-window exceptions', () => {
    const input = { genesis: 7, baseLayer: 7, baseVotes: undefined, ballotLayer: 10 }
    const code = (exceptions: Votes) => {
      try {
        decodeVoteList({ ...input, exceptions })
        return 'ok'
      } catch (e) {
        return (e as { code: string }).code
      }
    }
    expect(code({ ...none, support: [block(1, 8)], against: [block(1, 8)] })).toBe('CONFLICTING_VOTES')
    expect(code({ ...none, support: [block(1, 8)], abstain: [8] })).toBe('CONFLICTING_VOTES')
    expect(code({ ...none, support: [block(1, 10)] })).toBe('CONFLICTING_VOTES')
  })
})

describe('Tortoise.onBallot', () => {
  it('refuses a ballot whose votes do not hash to its opinion hash, or with an unknown base', () => {
    const t = new Tortoise({
      hdist: 3,
      zdist: 1,
      windowSize: 100,
      maxExceptions: 10,
      badBeaconVoteDelayLayers: 0,
      layersPerEpoch: 8,
      effectiveGenesis: 7,
    })
    t.onAtx(1, new Uint8Array(32).fill(1), 10n)
    const enc = t.encodeVotes(8)
    if (!enc.ok) throw enc.error
    const ballot = {
      id: new Uint8Array(20).fill(5),
      layer: 8,
      atxId: new Uint8Array(32).fill(1),
      eligibilities: 1,
      epochData: { beacon: new Uint8Array(4), eligibilityCount: 8 },
      opinionHash: enc.opinionHash,
      votes: enc.votes,
    }
    const bad = t.onBallot({ ...ballot, opinionHash: new Uint8Array(32) })
    expect(bad.ok ? '' : `${bad.error.verdict} ${bad.error.code}`).toBe('REJECT OPINION_HASH_MISMATCH')
    expect(t.onBallot(ballot)).toEqual({ ok: true })
    const dup = t.onBallot(ballot)
    expect(dup.ok ? '' : dup.error.code).toBe('DUPLICATE_BALLOT')
    const orphan = t.onBallot({
      ...ballot,
      id: new Uint8Array(20).fill(6),
      votes: { ...enc.votes, base: new Uint8Array(20).fill(3) },
    })
    expect(orphan.ok ? '' : `${orphan.error.verdict} ${orphan.error.code}`).toBe('IGNORE UNKNOWN_BASE_BALLOT')
  })
})
