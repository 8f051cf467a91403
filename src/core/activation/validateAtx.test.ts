/**
 * Every rule of `validateAtx` against ATXs made honestly by the simulator and then tampered with:
 * each tampered copy is re-signed (unless the signature is the point), so the rule under test is
 * the one that fires. Fixture: seed 7, 3 smeshers, 3 epochs; tampering targets epoch 3, validated
 * against node 0's view of epochs 1–2.
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { beforeAll, describe, expect, it } from 'vitest'
import { decode, encode } from '../codec/index.ts'
import { sim } from '../params/presets.ts'
import { computeLabelFull } from '../post/computeLabel.ts'
import { createSharedLabels } from '../sim/createSharedLabels.ts'
import { runActivationSim } from '../sim/runActivationSim.ts'
import type { SimSmesherNode } from '../sim/SimSmesherNode.ts'
import type { AtxHeader } from './AtxHeader.ts'
import { type ActivationTxV1, activationTxV1Codec, type InnerActivationTxV1 } from './atxCodec.ts'
import { createNipostVerifiers } from './createNipostVerifiers.ts'
import { MemoryAtxStore } from './MemoryAtxStore.ts'
import { malfeasanceProofCodec } from './malfeasanceCodec.ts'
import { signAtx } from './signAtx.ts'
import { type ValidateAtxParameters, type ValidateAtxReturnType, validateAtx } from './validateAtx.ts'
import { verifyMalfeasanceProof } from './verifyMalfeasanceProof.ts'
import { verifyVrfNonce } from './verifyVrfNonce.ts'

const SEED = 7
let nodes: readonly SimSmesherNode[]
let published: Map<string, ActivationTxV1[]>
let view: MemoryAtxStore
let base: ValidateAtxParameters

beforeAll(() => {
  published = new Map()
  const run = runActivationSim({
    seed: SEED,
    smeshers: 3,
    epochs: 3,
    observer: { atxPublished: (node, atx) => published.set(node, [...(published.get(node) ?? []), atx]) },
  })
  expect(run.invalidAtxs, `seed ${SEED}`).toBe(0)
  nodes = run.world.nodes
  view = new MemoryAtxStore()
  for (const e of [1, 2]) for (const h of nodes[0]!.atxs.inEpoch(e)) view.add(h)
  base = { ...nodes[0]!.validationParameters(new Uint8Array()), atxs: view }
}, 120_000)

/** Smesher i's ATX of `epoch` and its seed. */
function fixture(i: number, epoch: number) {
  const node = nodes[i]!
  const atx = published.get(node.id)!.find((a) => a.inner.challenge.publishEpoch === epoch)!
  return { atx, seed: node.smesher.config.seed, node }
}

function resign(seed: Uint8Array, atx: ActivationTxV1, change: (inner: InnerActivationTxV1) => void) {
  const inner = structuredClone(atx.inner)
  change(inner)
  return signAtx(seed, base.genesisId, inner)
}

function check(
  atx: ActivationTxV1 | Uint8Array,
  over: Partial<ValidateAtxParameters> = {},
): ValidateAtxReturnType {
  return validateAtx({ ...base, ...over, atx })
}

function expectError(r: ValidateAtxReturnType, code: string, verdict: 'IGNORE' | 'REJECT') {
  expect(r.verdict === 'ACCEPT' ? 'ACCEPT' : r.error.code, `seed ${SEED}`).toBe(code)
  expect(r.verdict).toBe(verdict)
}

function header(r: ValidateAtxReturnType): AtxHeader {
  if (r.verdict !== 'ACCEPT') throw new Error(`expected ACCEPT, got ${r.error.message}`)
  return r.header
}

describe('validateAtx', () => {
  it('accepts the honest ATXs, initial and chained, from bytes', () => {
    const { atx } = fixture(1, 3)
    const h = header(check(encodeAtxBytes(atx)))
    expect(h.publishEpoch).toBe(3)
    expect(h.sequence).toBe(2n)
    const initial = fixture(2, 1)
    const fresh = new MemoryAtxStore()
    expect(header(check(initial.atx, { atxs: fresh, currentEpoch: 1 })).sequence).toBe(0n)
  })

  it('rejects malformed bytes as MALFORMED', () => {
    const bytes = encodeAtxBytes(fixture(0, 3).atx)
    expectError(check(bytes.subarray(0, bytes.length - 1)), 'MALFORMED', 'REJECT')
  })

  it('rejects a bad signature', () => {
    const { atx } = fixture(0, 3)
    const sig = atx.signature.slice()
    sig[5]! ^= 1
    expectError(check({ ...atx, signature: sig }), 'INVALID_SIGNATURE', 'REJECT')
    // The signature binds the genesis: the same ATX on another network fails.
    expectError(check(atx, { genesisId: new Uint8Array(20).fill(9) }), 'INVALID_SIGNATURE', 'REJECT')
  })

  it('rejects a wrong PoST', () => {
    const { atx, seed } = fixture(0, 3)
    const bad = resign(seed, atx, (i) => {
      i.nipost!.post!.pow += 1n
    })
    expectError(check(bad), 'INVALID_POST', 'REJECT')
    const badIndices = resign(seed, atx, (i) => {
      i.nipost!.post!.indices[0]! ^= 0x01
    })
    expectError(check(badIndices), 'INVALID_POST', 'REJECT')
  })

  it('rejects a wrong PoET membership and ignores an unknown PoET proof', () => {
    const { atx, seed } = fixture(0, 3)
    const bad = resign(seed, atx, (i) => {
      i.nipost!.membership.leafIndex ^= 1n
    })
    expectError(check(bad), 'NOT_IN_POET_MEMBERSHIP', 'REJECT')
    const unknown = resign(seed, atx, (i) => {
      i.nipost!.postMetadata!.challenge = new Uint8Array(32).fill(3)
    })
    expectError(check(unknown), 'UNKNOWN_POET_PROOF', 'IGNORE')
  })

  it('checks the positioning ATX: known, older than the publish epoch', () => {
    const { atx, seed } = fixture(0, 3)
    const unknown = resign(seed, atx, (i) => {
      i.challenge.positioningAtxId = new Uint8Array(32).fill(1)
    })
    expectError(check(unknown), 'UNKNOWN_POSITIONING_ATX', 'IGNORE')
    const sameEpoch = nodes[0]!.atxs
      .inEpoch(3)
      .find((h) => bytesToHex(h.smesherId) !== bytesToHex(atx.smesherId))!
    const store = withHeaders([sameEpoch])
    const tooNew = resign(seed, atx, (i) => {
      i.challenge.positioningAtxId = sameEpoch.id
    })
    expectError(check(tooNew, { atxs: store }), 'POSITIONING_ATX_NOT_OLDER', 'REJECT')
  })

  it('checks the previous ATX: known, own, older, sequence + 1, the last one', () => {
    const { atx, seed } = fixture(0, 3)
    const unknown = resign(seed, atx, (i) => {
      i.challenge.prevAtxId = new Uint8Array(32).fill(2)
    })
    expectError(check(unknown), 'UNKNOWN_PREVIOUS_ATX', 'IGNORE')
    const other = fixture(1, 2).atx
    const otherId = view.bySmesherInEpoch(other.smesherId, 2)!.id
    const foreign = resign(seed, atx, (i) => {
      i.challenge.prevAtxId = otherId
    })
    expectError(check(foreign), 'PREVIOUS_ATX_OTHER_SMESHER', 'REJECT')
    const sequence = resign(seed, atx, (i) => {
      i.challenge.sequence = 5n
    })
    expectError(check(sequence), 'WRONG_SEQUENCE', 'REJECT')
    // Skipping back to epoch 1's ATX (sequence consistent) while epoch 2's exists: not the last.
    const first = view.bySmesherInEpoch(atx.smesherId, 1)!
    const skip = resign(seed, atx, (i) => {
      i.challenge.prevAtxId = first.id
      i.challenge.sequence = 1n
    })
    const lenient = { ...base.verifiers, verifyMembership: () => true, verifyPost: () => true }
    expectError(check(skip, { verifiers: lenient }), 'PREVIOUS_NOT_LAST', 'REJECT')
  })

  it('enforces numUnits bounds and counts only units the previous ATX had', () => {
    const { atx, seed } = fixture(0, 3)
    const tooMany = resign(seed, atx, (i) => {
      i.numUnits = base.post.maxNumUnits + 1
    })
    expectError(check(tooMany), 'NUM_UNITS_OUT_OF_RANGE', 'REJECT')
    const zero = resign(seed, atx, (i) => {
      i.numUnits = 0
    })
    expectError(check(zero), 'NUM_UNITS_OUT_OF_RANGE', 'REJECT')
    // More units than the previous ATX: the VRF nonce is re-checked and the weight keeps the old units.
    const prev = view.bySmesherInEpoch(atx.smesherId, 2)!
    const grown = resign(seed, atx, (i) => {
      i.numUnits = prev.numUnits + 1
    })
    let nonceChecks = 0
    const stub = {
      verifyMembership: () => true,
      verifyPost: () => true,
      verifyVrfNonce: () => {
        nonceChecks++
        return true
      },
    }
    const h = header(check(grown, { verifiers: stub }))
    expect(nonceChecks).toBe(1)
    expect(h.numUnits).toBe(prev.numUnits + 1)
    expect(h.effectiveNumUnits).toBe(prev.numUnits)
    expect(h.weight).toBe(BigInt(prev.numUnits) * h.tickCount)
  })

  it('checks the VRF nonce of an initial ATX with the label function', () => {
    const { atx, seed, node } = fixture(2, 1)
    const fresh = new MemoryAtxStore()
    let nonce = atx.inner.vrfNonce! + 1n
    const numUnits = atx.inner.numUnits
    const commitmentAtxId = atx.inner.challenge.commitmentAtxId!
    const labelsPerUnit = BigInt(base.post.labelsPerUnit)
    const ok = (n: bigint) =>
      verifyVrfNonce({
        nodeId: node.smesher.nodeId,
        commitmentAtxId,
        nonce: n,
        numUnits,
        labelsPerUnit,
        scryptN: 2,
      })
    expect(ok(atx.inner.vrfNonce!)).toBe(true)
    while (ok(nonce)) nonce++
    const bad = resign(seed, atx, (i) => {
      i.vrfNonce = nonce
    })
    expectError(check(bad, { atxs: fresh, currentEpoch: 1 }), 'INVALID_VRF_NONCE', 'REJECT')
  })

  it('checks the initial-ATX fields', () => {
    const { atx, seed } = fixture(2, 1)
    const opts = { atxs: new MemoryAtxStore(), currentEpoch: 1 }
    const noCommitment = resign(seed, atx, (i) => {
      i.challenge.commitmentAtxId = undefined
    })
    expectError(check(noCommitment, opts), 'MISSING_INITIAL_FIELD', 'REJECT')
    const seq = resign(seed, atx, (i) => {
      i.challenge.sequence = 1n
    })
    expectError(check(seq, opts), 'NONZERO_INITIAL_SEQUENCE', 'REJECT')
    const badPost = resign(seed, atx, (i) => {
      i.challenge.initialPost!.pow += 1n
    })
    // The challenge changed, but the initial PoST is checked before the NIPoST.
    expectError(check(badPost, opts), 'INVALID_INITIAL_POST', 'REJECT')
    const future = check(atx, { ...opts, currentEpoch: -1 })
    expectError(future, 'PUBLISH_EPOCH_TOO_FAR', 'IGNORE')
    const { atx: later } = fixture(2, 2)
    const withNodeId = resign(seed, later, (i) => {
      i.nodeId = atx.smesherId
    })
    expectError(check(withNodeId), 'UNEXPECTED_INITIAL_FIELD', 'REJECT')
  })

  it('turns a second ATX in one epoch into a verifiable malfeasance proof', () => {
    const { atx, seed } = fixture(0, 3)
    const store = withHeaders(
      nodes[0]!.atxs.inEpoch(3).filter((h) => bytesToHex(h.smesherId) === bytesToHex(atx.smesherId)),
    )
    const twin = resign(seed, atx, (i) => {
      i.coinbase = new Uint8Array(24).fill(7)
    })
    const r = check(twin, { atxs: store })
    expectError(r, 'DOUBLE_PUBLISH', 'IGNORE')
    if (r.verdict === 'ACCEPT' || r.malfeasance === undefined) throw new Error('expected a malfeasance proof')
    const bytes = encode(malfeasanceProofCodec, r.malfeasance)
    const proof = decode(malfeasanceProofCodec, bytes)
    expect(bytesToHex(verifyMalfeasanceProof(proof, base.genesisId))).toBe(bytesToHex(atx.smesherId))
    expect(proof.layer).toBe(3 * base.layersPerEpoch)
    // The proof only convicts with both signatures valid and two different ids.
    const forged = structuredClone(proof)
    forged.proof.value[1]!.signature[0]! ^= 1
    expect(() => verifyMalfeasanceProof(forged, base.genesisId)).toThrow(
      expect.objectContaining({ code: 'INVALID_SIGNATURE' }),
    )
    const same = structuredClone(proof)
    same.proof.value[1] = structuredClone(same.proof.value[0]!)
    expect(() => verifyMalfeasanceProof(same, base.genesisId)).toThrow(
      expect.objectContaining({ code: 'SAME_MESSAGE' }),
    )
    // Re-validating the stored ATX itself is not a double publish.
    expect(check(atx, { atxs: store }).verdict).toBe('ACCEPT')
  })
})

function withHeaders(extra: readonly AtxHeader[]): MemoryAtxStore {
  const store = new MemoryAtxStore()
  for (const e of [1, 2]) for (const h of view.inEpoch(e)) store.add(h)
  for (const h of extra) store.add(h)
  return store
}

function encodeAtxBytes(atx: ActivationTxV1): Uint8Array {
  return encode(activationTxV1Codec, atx)
}

describe('createNipostVerifiers with an injected label function', () => {
  it('derives PoST and VRF-nonce labels with it: the shared memo passes, a wrong function fails', () => {
    const { atx } = fixture(1, 3)
    const shared = createSharedLabels()
    const verifiers = (computeLabelFull: typeof shared) =>
      createNipostVerifiers({ post: sim.post, subsetSeed: nodes[0]!.smesher.nodeId, computeLabelFull })
    expect(header(check(atx, { verifiers: verifiers(shared) })).publishEpoch).toBe(3)
    // Twice through the memo (the second call served from it) gives the same verdict.
    expect(header(check(atx, { verifiers: verifiers(shared) })).publishEpoch).toBe(3)
    const flipped: typeof shared = (c, i, n) => {
      const label = computeLabelFull(c, i, n).slice()
      label[0]! ^= 0x80
      return label
    }
    expectError(check(atx, { verifiers: verifiers(flipped) }), 'INVALID_POST', 'REJECT')
    // An initial ATX: the VRF nonce is checked first, then the initial PoST.
    const initial = fixture(2, 1)
    const fresh = { atxs: new MemoryAtxStore(), currentEpoch: 1 }
    expectError(
      check(initial.atx, { ...fresh, verifiers: verifiers(flipped) }),
      'INVALID_VRF_NONCE',
      'REJECT',
    )
    const nonceOk = { ...verifiers(flipped), verifyVrfNonce: () => true }
    expectError(check(initial.atx, { ...fresh, verifiers: nonceOk }), 'INVALID_INITIAL_POST', 'REJECT')
  })

  it('memoizes the reference label function exactly', () => {
    const shared = createSharedLabels()
    const commitment = Uint8Array.from({ length: 32 }, (_, i) => i * 7)
    for (const index of [0, 1, 63, 2n ** 40n]) {
      const want = computeLabelFull(commitment, index, sim.post.scryptN)
      expect(shared(commitment, index, sim.post.scryptN)).toEqual(want)
      expect(shared(commitment, index, sim.post.scryptN)).toEqual(want)
    }
    expect(shared(commitment, 1, 4)).toEqual(computeLabelFull(commitment, 1, 4))
  })
})
