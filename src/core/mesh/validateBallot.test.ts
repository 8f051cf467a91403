import { describe, expect, it } from 'vitest'
import { publicKeyFromSeed } from '../crypto/signing.ts'
import { computeEligibleSlots } from '../eligibility/computeEligibleSlots.ts'
import { computeProposalEligibilities } from '../eligibility/computeProposalEligibilities.ts'
import type { Ballot, InnerBallot } from './ballotCodec.ts'
import { computeBallotId } from './computeBallotId.ts'
import { signBallot, signProposal } from './signBallot.ts'
import { type BallotValidationContext, type KnownBallot, validateBallot } from './validateBallot.ts'
import { validateProposal } from './validateProposal.ts'

const seed = new Uint8Array(32).fill(7)
const smesherId = publicKeyFromSeed(seed)
const genesisId = new Uint8Array(20).fill(1)
const atxId = new Uint8Array(32).fill(0xa1)
const beacon = Uint8Array.of(9, 8, 7, 6)
const activeSetHash = new Uint8Array(32).fill(0x5e)
const layersPerEpoch = 4
const epoch = 2
const weight = 10n
const total = 20n
const slots = computeEligibleSlots({ weight, totalWeight: total, layerAvgSize: 5, layersPerEpoch })
const eligibilities = computeProposalEligibilities(seed, { beacon, epoch, nonce: 3n, slots, layersPerEpoch })
const layer = eligibilities[0]!.layer
const proofs = eligibilities.filter((e) => e.layer === layer).map(({ j, sig }) => ({ j, sig }))
const otherLayerProof = eligibilities.find((e) => e.layer !== layer)
const block = { id: new Uint8Array(20).fill(0xb0), layer: layer - 1, height: 5n }
const known = new Map<string, KnownBallot>()
const key = (b: Uint8Array) => b.join(',')

const ctx: BallotValidationContext = {
  genesisId,
  layersPerEpoch,
  layerAvgSize: 5,
  minActiveSetWeight: 0n,
  effectiveGenesis: 3,
  currentLayer: layer,
  maxExceptions: 3,
  getAtx: (id) =>
    key(id) === key(atxId) ? { smesherId, publishEpoch: epoch - 1, weight, vrfNonce: 3n } : undefined,
  getBallot: (id) => known.get(key(id)),
  getBlock: (id) => (key(id) === key(block.id) ? block : undefined),
  activeSetWeight: (hash) => (key(hash) === key(activeSetHash) ? total : undefined),
}

function makeBallot(change: (b: Ballot) => Ballot = (b) => b): Ballot {
  const inner: InnerBallot = {
    layer,
    atxId,
    opinionHash: new Uint8Array(32).fill(0x0b),
    refBallot: new Uint8Array(20),
    epochData: { activeSetHash, beacon, eligibilityCount: slots },
  }
  const unsigned: Ballot = {
    inner,
    signature: new Uint8Array(64),
    smesherId,
    votes: { base: new Uint8Array(20), support: [block], against: [], abstain: [] },
    eligibilityProofs: proofs,
    activeSet: [],
  }
  const b = change(unsigned)
  return { ...b, signature: b.signature.some((x) => x) ? b.signature : signBallot(seed, genesisId, b.inner) }
}

const codeOf = (b: Ballot) => {
  const r = validateBallot(b, ctx)
  return r.verdict === 'ACCEPT' ? 'ACCEPT' : `${r.verdict} ${r.error.code}`
}

describe('validateBallot', () => {
  it('accepts an honest reference ballot and returns its id', () => {
    const b = makeBallot()
    const r = validateBallot(b, ctx)
    expect(r.verdict).toBe('ACCEPT')
    if (r.verdict === 'ACCEPT') expect(r.id).toEqual(computeBallotId(b.inner))
  })

  it('names each broken rule with its verdict', () => {
    const inner = (f: Partial<InnerBallot>) => (b: Ballot) => ({ ...b, inner: { ...b.inner, ...f } })
    expect(codeOf(makeBallot((b) => ({ ...b, signature: new Uint8Array(64).fill(1) })))).toBe(
      'REJECT BAD_SIGNATURE',
    )
    expect(codeOf(makeBallot(inner({ layer: layer + 1 })))).toBe('IGNORE LAYER_TOO_FAR')
    expect(codeOf(makeBallot(inner({ layer: 2 })))).toBe('REJECT LAYER_BEFORE_GENESIS')
    expect(codeOf(makeBallot(inner({ atxId: new Uint8Array(32) })))).toBe('IGNORE UNKNOWN_ATX')
    expect(
      codeOf(makeBallot(inner({ epochData: { activeSetHash, beacon, eligibilityCount: slots + 1 } }))),
    ).toBe('REJECT WRONG_ELIGIBILITY_COUNT')
    expect(
      codeOf(
        makeBallot(
          inner({ epochData: { activeSetHash: new Uint8Array(32), beacon, eligibilityCount: slots } }),
        ),
      ),
    ).toBe('IGNORE UNKNOWN_ACTIVE_SET')
    expect(codeOf(makeBallot(inner({ epochData: undefined })))).toBe('REJECT MISSING_REF_BALLOT')
    expect(codeOf(makeBallot(inner({ epochData: undefined, refBallot: new Uint8Array(20).fill(3) })))).toBe(
      'IGNORE UNKNOWN_REF_BALLOT',
    )
    if (otherLayerProof !== undefined) {
      const wrong = [{ j: otherLayerProof.j, sig: otherLayerProof.sig }]
      expect(codeOf(makeBallot((b) => ({ ...b, eligibilityProofs: wrong })))).toBe('REJECT BAD_ELIGIBILITY')
    }
    const votes = (f: Partial<Ballot['votes']>) => (b: Ballot) => ({ ...b, votes: { ...b.votes, ...f } })
    expect(codeOf(makeBallot(votes({ base: new Uint8Array(20).fill(2) })))).toBe('IGNORE UNKNOWN_BASE_BALLOT')
    expect(codeOf(makeBallot(votes({ support: [{ ...block, layer }] })))).toBe('REJECT VOTE_NOT_BEFORE')
    expect(codeOf(makeBallot(votes({ support: [block], against: [block] })))).toBe('REJECT CONFLICTING_VOTES')
    expect(codeOf(makeBallot(votes({ support: [{ ...block, id: new Uint8Array(20).fill(4) }] })))).toBe(
      'IGNORE UNKNOWN_BLOCK',
    )
    expect(
      codeOf(
        makeBallot(
          votes({
            support: Array.from({ length: 4 }, (_, i) => ({ ...block, id: new Uint8Array(20).fill(i) })),
          }),
        ),
      ),
    ).toBe('REJECT TOO_MANY_EXCEPTIONS')
    expect(codeOf(makeBallot(votes({ abstain: [layer - 1], support: [block] })))).toBe(
      'REJECT CONFLICTING_VOTES',
    )
  })

  it('accepts a later ballot that points to its reference ballot', () => {
    const ref = makeBallot()
    const refId = computeBallotId(ref.inner)
    known.set(key(refId), { layer: ref.inner.layer - 1, smesherId, atxId, epochData: ref.inner.epochData })
    const later = makeBallot((b) => ({ ...b, inner: { ...b.inner, epochData: undefined, refBallot: refId } }))
    expect(codeOf(later)).toBe('ACCEPT')
    known.set(key(refId), {
      layer: ref.inner.layer - 1,
      smesherId: new Uint8Array(32),
      atxId,
      epochData: ref.inner.epochData,
    })
    expect(codeOf(later)).toBe('REJECT REF_MISMATCH')
    known.clear()
  })
})

describe('validateProposal', () => {
  const pctx = { ...ctx, txsPerProposal: 2 }
  const make = (txIds: Uint8Array[]) => {
    const inner = { ballot: makeBallot(), txIds, meshHash: new Uint8Array(32) }
    return { inner, signature: signProposal(seed, genesisId, inner) }
  }
  it('accepts a signed proposal and rejects duplicate or too many txs and a ballot signature', () => {
    expect(validateProposal(make([new Uint8Array(32).fill(1)]), pctx).verdict).toBe('ACCEPT')
    const dup = validateProposal(make([new Uint8Array(32), new Uint8Array(32)]), pctx)
    expect(dup.verdict === 'ACCEPT' ? '' : dup.error.code).toBe('DUPLICATE_TX')
    const many = validateProposal(make([1, 2, 3].map((i) => new Uint8Array(32).fill(i))), pctx)
    expect(many.verdict === 'ACCEPT' ? '' : many.error.code).toBe('TOO_MANY_TXS')
    const p = make([])
    const wrongDomain = { ...p, signature: signBallot(seed, genesisId, p.inner.ballot.inner) }
    const r = validateProposal(wrongDomain, pctx)
    expect(r.verdict === 'ACCEPT' ? '' : r.error.code).toBe('BAD_SIGNATURE')
  })
})
