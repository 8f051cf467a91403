import { describe, expect, it } from 'vitest'
import { publicKeyFromSeed } from '../crypto/signing.ts'
import { createRng } from '../sim/createRng.ts'
import { computeEligibleSlots } from './computeEligibleSlots.ts'
import { computeProposalEligibilities } from './computeProposalEligibilities.ts'
import { proveHareEligibility } from './proveHareEligibility.ts'
import { validateBallotEligibility } from './validateBallotEligibility.ts'
import { validateHareEligibility } from './validateHareEligibility.ts'

const seed = 2024
const rng = createRng(seed)
const secret = rng.bytes(32)
const nodeId = publicKeyFromSeed(secret)
const beacon = Uint8Array.of(5, 6, 7, 8)
const layersPerEpoch = 8
const epoch = 4
const nonce = 12345n
const slots = computeEligibleSlots({ weight: 30n, totalWeight: 100n, layerAvgSize: 5, layersPerEpoch })
const elig = computeProposalEligibilities(secret, { beacon, epoch, nonce, slots, layersPerEpoch })

describe('proposal eligibility', () => {
  it('gives weight-proportional slots, each with a verifying proof for its own layer', () => {
    expect(slots).toBe(12)
    expect(elig.map((e) => e.j)).toEqual([...Array(12).keys()])
    const layer = elig[0]!.layer
    const proofs = elig.filter((e) => e.layer === layer)
    const base = { nodeId, layer, layersPerEpoch, beacon, nonce, eligibilityCount: slots }
    expect(() => validateBallotEligibility({ ...base, proofs })).not.toThrow()
    expect(layer, `seed ${seed}`).toBeGreaterThanOrEqual(epoch * layersPerEpoch)
    expect(layer).toBeLessThan((epoch + 1) * layersPerEpoch)
  })

  it('rejects a forged proof, a foreign layer, a reused counter and another beacon', () => {
    const first = elig[0]!
    const base = { nodeId, layer: first.layer, layersPerEpoch, beacon, nonce, eligibilityCount: slots }
    const forged = { j: first.j, sig: first.sig.map((b, i) => (i === 40 ? b ^ 1 : b)) }
    const code = (f: () => void) => {
      try {
        f()
        return 'ok'
      } catch (e) {
        return (e as { code: string }).code
      }
    }
    expect(code(() => validateBallotEligibility({ ...base, proofs: [forged] }))).toBe('BAD_VRF')
    const other = elig.find((e) => e.layer !== first.layer)!
    expect(code(() => validateBallotEligibility({ ...base, proofs: [other] }))).toBe('WRONG_LAYER')
    expect(code(() => validateBallotEligibility({ ...base, proofs: [first, first] }))).toBe('BAD_COUNTER')
    expect(code(() => validateBallotEligibility({ ...base, proofs: [first], eligibilityCount: 0 }))).toBe(
      'BAD_COUNTER',
    )
    expect(
      code(() => validateBallotEligibility({ ...base, beacon: Uint8Array.of(0, 0, 0, 0), proofs: [first] })),
    ).toBe('BAD_VRF')
  })
})

describe('hare seat proofs', () => {
  it('verify for the prover and fail for a forged count or another round', () => {
    const ctx = { beacon, layer: 33, round: 3, committee: 50, weight: 40n, totalWeight: 100n }
    const e = proveHareEligibility(secret, ctx)!
    expect(e.count, `seed ${seed}`).toBeGreaterThan(0)
    expect(() => validateHareEligibility(nodeId, ctx, e)).not.toThrow()
    expect(() => validateHareEligibility(nodeId, ctx, { ...e, count: e.count + 1 })).toThrow(
      expect.objectContaining({ code: 'WRONG_COUNT', verdict: 'REJECT' }),
    )
    expect(() => validateHareEligibility(nodeId, { ...ctx, round: 4 }, e)).toThrow(
      expect.objectContaining({ code: 'BAD_VRF' }),
    )
  })
})
