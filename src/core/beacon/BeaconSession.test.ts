import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import { publicKeyFromSeed } from '../crypto/signing.ts'
import { createRng, type Rng } from '../sim/createRng.ts'
import type { BeaconError } from './BeaconError.ts'
import { type BeaconOutbound, BeaconSession } from './BeaconSession.ts'
import { computeBeacon } from './computeBeacon.ts'
import { computeProposalThreshold } from './computeProposalThreshold.ts'
import { decodeVotes, encodeVotes } from './encodeVotes.ts'
import type { BeaconIdentity, BeaconMessage } from './validateBeaconMessage.ts'

const genesisId = new Uint8Array(20).fill(4)
const epoch = 5

function setup(rng: Rng, n: number) {
  const seeds = Array.from({ length: n }, () => rng.bytes(32))
  const identities = new Map<string, BeaconIdentity>(
    seeds.map((s, i) => [
      bytesToHex(publicKeyFromSeed(s)),
      { weight: 10n, nonce: BigInt(i * 7 + 1), units: 2 },
    ]),
  )
  const cache = new Map<string, BeaconMessage | BeaconError>()
  const sessions = seeds.map(
    (s) =>
      new BeaconSession({
        epoch,
        genesisId,
        identities,
        validationCache: cache,
        kappa: 40,
        q: [1, 3],
        theta: [1, 4],
        roundsNumber: 3,
        votesLimit: 100,
        signers: [s],
      }),
  )
  return { sessions, seeds }
}

/** Runs all phases; `hold` delays some payloads by one phase (late delivery). */
function run(sessions: BeaconSession[], rng: Rng, hold?: (o: BeaconOutbound, from: number) => boolean) {
  const verdicts = new Map<string, number>()
  let late: { from: number; o: BeaconOutbound }[] = []
  for (let tick = 0; tick < 20 && sessions.some((s) => s.phase !== 'done'); tick++) {
    const wire = [...late]
    late = []
    sessions.forEach((s, i) => {
      for (const o of s.next().outbound) (hold?.(o, i) ? late : wire).push({ from: i, o })
    })
    for (let k = wire.length - 1; k > 0; k--) {
      const j = rng.nextInt(k + 1)
      ;[wire[k], wire[j]] = [wire[j]!, wire[k]!]
    }
    for (const { from, o } of wire) {
      sessions.forEach((s, i) => {
        if (i === from) return
        const v = s.onMessage(o.topic, o.data)
        const key = v.verdict === 'ACCEPT' ? 'ACCEPT' : `${v.verdict}:${v.error.code}`
        verdicts.set(key, (verdicts.get(key) ?? 0) + 1)
      })
    }
  }
  return verdicts
}

describe('beacon protocol', () => {
  it('honest participants agree on one beacon derived from the proposals (seed 31)', {
    timeout: 60_000,
  }, () => {
    const seed = 31
    const rng = createRng(seed)
    const { sessions } = setup(rng, 8)
    const proposals: Uint8Array[] = []
    run(sessions, rng, (o) => {
      if (o.topic === 'proposal') proposals.push(o.data.slice(33, 37)) // epoch c32 (1) + node ID (32)
      return false
    })
    const beacons = new Set(sessions.map((s) => (s.beacon ? bytesToHex(s.beacon) : 'none')))
    expect(beacons.size, `seed ${seed}`).toBe(1)
    expect(proposals.length, `seed ${seed}`).toBeGreaterThan(0)
    expect([...beacons][0], `seed ${seed}`).toBe(bytesToHex(computeBeacon(proposals)))
  })

  it('a proposal that misses the proposal phase is voted out consistently (seed 32)', {
    timeout: 60_000,
  }, () => {
    const seed = 32
    const rng = createRng(seed)
    const { sessions } = setup(rng, 8)
    const onTime: Uint8Array[] = []
    const verdicts = run(sessions, rng, (o, from) => {
      if (o.topic !== 'proposal') return false
      if (from !== 0) onTime.push(o.data.slice(33, 37))
      return from === 0
    })
    const beacons = new Set(sessions.map((s) => (s.beacon ? bytesToHex(s.beacon) : 'none')))
    expect(beacons.size, `seed ${seed}`).toBe(1)
    // the late proposal is voted down by everyone but its author: the beacon omits it
    expect([...beacons][0], `seed ${seed}`).toBe(bytesToHex(computeBeacon(onTime)))
    expect(verdicts.get('ACCEPT') ?? 0).toBeGreaterThan(0)
  })

  it('rejects garbage and forged votes without throwing', () => {
    const rng = createRng(33)
    const { sessions } = setup(rng, 3)
    const s = sessions[0]!
    s.next()
    expect(s.onMessage('proposal', rng.bytes(40))).toMatchObject({ verdict: 'REJECT' })
    const out = sessions[1]!.next().outbound[0]
    if (out !== undefined) {
      const forged = out.data.slice()
      forged[forged.length - 1]! ^= 1
      expect(s.onMessage(out.topic, forged)).toMatchObject({ verdict: 'REJECT' })
      expect(s.onMessage(out.topic, out.data)).toMatchObject({ verdict: 'ACCEPT' })
      expect(s.onMessage(out.topic, out.data)).toMatchObject({ verdict: 'IGNORE' })
    }
  })
})

describe('beacon pieces', () => {
  it('bit vectors round-trip like go big.Int bytes', () => {
    const flags = [true, false, false, true, true, false, false, false, true]
    const bits = encodeVotes(flags)
    expect([...bits]).toEqual([0x01, 0x19])
    expect(decodeVotes(bits, flags.length)).toEqual(flags)
  })

  it('proposal threshold grows as ATXs get fewer', () => {
    const big = computeProposalThreshold({ kappa: 40, q: [1, 3], numAtxs: 10_000 })
    const small = computeProposalThreshold({ kappa: 40, q: [1, 3], numAtxs: 100 })
    expect(small > big).toBe(true)
    // 1 − 2^(−40/((2/3)·60)) = 1 − 2^−1 = 1/2 of 2^640
    const half = computeProposalThreshold({ kappa: 40, q: [1, 3], numAtxs: 60 })
    expect(half >> 600n).toBe(1n << 39n)
  })

  it('beacon hashes the sorted proposal set', () => {
    const a = Uint8Array.of(1, 2, 3, 4)
    const b = Uint8Array.of(0, 9, 9, 9)
    expect(computeBeacon([a, b])).toEqual(computeBeacon([b, a]))
    expect(computeBeacon([a]).length).toBe(4)
  })
})
