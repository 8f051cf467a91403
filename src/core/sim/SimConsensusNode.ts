/**
 * One smesher's consensus in the simulator (go-spacemesh.md §2.4–2.9): per layer, from its ATX
 * and the epoch beacon, proposal eligibility → ballot + proposal with mempool txs → Hare among the
 * committee (gossip through SimNetwork, rounds on the scheduler's clock) → certificate → block
 * built from the agreed proposals → Tortoise → the VM applies what the Tortoise decides → state
 * root per layer. The ATXs are those its activation node (SimSmesherNode) accepted.
 *
 * Byzantine behaviours that need the identity's key live here ('equivocate': a second Hare
 * message and a second proposal per slot; 'against': Hare input empty and ballots voting against
 * every block); dropping and corrupting messages are network hooks (runConsensusSim.ts).
 */
import { bytesToHex as hex } from '@noble/hashes/utils.js'
import { hash32 } from '../crypto/hash.ts'
import { SigningDomain, signMessage } from '../crypto/signing.ts'
import {
  type Certificate,
  type CertifyMessage,
  decodeCertifyMessage,
  encodeCertifyMessage,
} from '../hare/certificateCodec.ts'
import { createCertifyMessage } from '../hare/createCertifyMessage.ts'
import { HareSession } from '../hare/HareSession.ts'
import { decodeHareMessage, encodeHareMessage, encodeHareSignedBytes } from '../hare/hareMessageCodec.ts'
import { certificateThreshold, verifyCertifyMessage } from '../hare/verifyCertificate.ts'
import type { Ballot, InnerBallot, Votes } from '../mesh/ballotCodec.ts'
import { buildBlock } from '../mesh/buildBlock.ts'
import { computeBallotId } from '../mesh/computeBallotId.ts'
import { decodeProposal, encodeProposal, type Proposal } from '../mesh/proposalCodec.ts'
import { signBallot, signProposal } from '../mesh/signBallot.ts'
import type { KnownBallot } from '../mesh/validateBallot.ts'
import type { Preset } from '../params/presets.ts'
import { decodeVotes } from '../tortoise/decodeVotes.ts'
import { Tortoise } from '../tortoise/Tortoise.ts'
import { toTortoiseBallot } from '../tortoise/toTortoiseBallot.ts'
import type { VmParams } from '../vm/applyBlock.ts'
import type { VmState } from '../vm/VmState.ts'
import { buildSimEpochView, type SimEpochView } from './buildSimEpochView.ts'
import type { SimActor, SimContext } from './SimActor.ts'
import type { SimConsensusShared } from './SimConsensusShared.ts'
import { SimLedger } from './SimLedger.ts'
import { SimMempool } from './SimMempool.ts'
import type { SimMessage } from './SimNetwork.ts'
import type { SimSmesherNode } from './SimSmesherNode.ts'
import { validateSimProposal } from './validateSimProposal.ts'

export const ConsensusTopic = { PROPOSAL: 'pp1', HARE: 'hr1', CERTIFY: 'bc1', TX: 'tx1' } as const

export type ConsensusBehaviour = 'honest' | 'silent' | 'invalid' | 'equivocate' | 'against'

export interface SimConsensusOptions {
  readonly preset: Preset
  readonly genesisId: Uint8Array
  readonly smesher: () => SimSmesherNode
  readonly shared: SimConsensusShared
  readonly behaviour: ConsensusBehaviour
  readonly genesisState: VmState
  readonly vm: VmParams
  readonly firstLayer: number
  readonly lastLayer: number
  readonly txsPerProposal: number
}

export interface SimConsensusCounters {
  proposalsSent: number
  rejected: Record<string, number>
  hareFailed: number
  blockErrors: number
  equivocators: number
}

const ZERO20 = new Uint8Array(20)
const ZERO32 = new Uint8Array(32)

export class SimConsensusNode implements SimActor {
  readonly tortoise: Tortoise
  readonly ledger: SimLedger
  readonly mempool: SimMempool
  readonly certificates = new Map<number, Certificate>()
  readonly hareOutput = new Map<number, string>()
  readonly malicious = new Set<string>()
  readonly counters: SimConsensusCounters = {
    proposalsSent: 0,
    rejected: {},
    hareFailed: 0,
    blockErrors: 0,
    equivocators: 0,
  }
  private readonly views = new Map<number, SimEpochView>()
  private readonly proposals = new Map<number, Map<string, Proposal>>()
  private readonly ballots = new Map<string, KnownBallot>()
  private readonly bySmesherLayer = new Map<string, string>()
  private readonly sessions = new Map<number, HareSession>()
  private readonly early = new Map<number, Uint8Array[]>()
  private readonly certifying = new Map<
    number,
    { blockId: string; msgs: CertifyMessage[]; seats: number; signers: Set<string> }
  >()
  private readonly refBallot = new Map<number, Uint8Array>()

  constructor(
    readonly id: string,
    private readonly ctx: SimContext,
    readonly o: SimConsensusOptions,
  ) {
    const p = o.preset
    this.tortoise = new Tortoise({
      ...p.tortoise,
      layersPerEpoch: p.layersPerEpoch,
      effectiveGenesis: o.firstLayer - 1,
    })
    this.ledger = new SimLedger(o.genesisState, o.vm)
    this.mempool = new SimMempool(o.genesisId, o.shared)
  }

  get currentLayer(): number {
    return Math.floor(this.ctx.scheduler.now / this.o.preset.layerDurationMs)
  }

  start(): void {
    this.ctx.scheduler.at(this.o.firstLayer * this.o.preset.layerDurationMs, () =>
      this.onLayer(this.o.firstLayer),
    )
  }

  /** A tx submitted by a wallet to this node: admit, then gossip (go-spacemesh `txs` handler). */
  submitTx(raw: Uint8Array): boolean {
    const r = this.mempool.admit(raw, this.ledger.state)
    if (r.ok) this.ctx.network.broadcast(this.id, { topic: ConsensusTopic.TX, data: raw })
    return r.ok
  }

  onMessage(_from: string, m: SimMessage): void {
    if (m.topic === ConsensusTopic.PROPOSAL) this.receiveProposal(m.data)
    else if (m.topic === ConsensusTopic.HARE) this.receiveHare(m.data)
    else if (m.topic === ConsensusTopic.CERTIFY) this.receiveCertify(m.data)
    else if (m.topic === ConsensusTopic.TX) this.mempool.admit(m.data, this.ledger.state)
  }

  view(epoch: number): SimEpochView {
    let v = this.views.get(epoch)
    if (v === undefined) {
      const s = this.o.smesher()
      v = buildSimEpochView(epoch, s.atxs, s.smesher.nodeId, s.smesher.config.seed, this.o.preset)
      this.views.set(epoch, v)
      for (const a of v.atxs) this.tortoise.onAtx(epoch, a.id, a.weight, s.malicious.has(hex(a.smesherId)))
      this.tortoise.onBeacon(epoch, v.beacon)
    }
    return v
  }

  private reject(code: string): void {
    this.counters.rejected[code] = (this.counters.rejected[code] ?? 0) + 1
  }

  private onLayer(layer: number): void {
    const p = this.o.preset
    const start = layer * p.layerDurationMs
    this.view(Math.floor(layer / p.layersPerEpoch))
    this.propose(layer)
    this.ctx.scheduler.at(start + p.hare.preroundDelayMs, () => this.startHare(layer))
    this.ctx.scheduler.at(start + p.layerDurationMs - 10, () => this.endLayer(layer))
    if (layer < this.o.lastLayer)
      this.ctx.scheduler.at(start + p.layerDurationMs, () => this.onLayer(layer + 1))
  }

  private propose(layer: number): void {
    const epoch = Math.floor(layer / this.o.preset.layersPerEpoch)
    const v = this.view(epoch)
    if (v.own === undefined) return
    const proofs = v.own.eligibilities.filter((e) => e.layer === layer)
    if (proofs.length === 0) return
    const enc = this.tortoise.encodeVotes(layer)
    if (!enc.ok) {
      this.reject(`OWN_${enc.error.code}`)
      return
    }
    const s = this.o.smesher().smesher
    const against = this.o.behaviour === 'against'
    const votes: Votes = against ? { base: ZERO20, support: [], against: [], abstain: [] } : enc.votes
    const ref = this.refBallot.get(epoch)
    const inner: InnerBallot = {
      layer,
      atxId: v.own.atx.id,
      opinionHash: against ? this.againstOpinion(layer) : enc.opinionHash,
      refBallot: ref ?? ZERO20,
      epochData:
        ref === undefined
          ? { activeSetHash: v.activeSetHash, beacon: v.beacon, eligibilityCount: v.own.slots }
          : undefined,
    }
    if (ref === undefined) this.refBallot.set(epoch, computeBallotId(inner))
    const ballot: Ballot = {
      inner,
      signature: signBallot(s.config.seed, this.o.genesisId, inner),
      smesherId: s.nodeId,
      votes,
      eligibilityProofs: proofs.map((e) => ({ j: e.j, sig: e.sig })),
      activeSet: [],
    }
    const txIds = this.mempool.select(this.o.txsPerProposal)
    const variants =
      this.o.behaviour === 'equivocate' ? [txIds, txIds.slice(1).concat([hash32(ZERO32)])] : [txIds]
    for (const ids of variants) {
      const innerP = { ballot, txIds: ids, meshHash: this.tortoise.opinion(layer - 1) ?? ZERO32 }
      const bytes = encodeProposal({
        inner: innerP,
        signature: signProposal(s.config.seed, this.o.genesisId, innerP),
      })
      this.counters.proposalsSent++
      this.ctx.network.broadcast(this.id, { topic: ConsensusTopic.PROPOSAL, data: bytes })
      this.receiveProposal(bytes)
    }
  }

  /** The opinion hash a ballot voting against everything must carry (its votes decode to it). */
  private againstOpinion(layer: number): Uint8Array {
    const genesis = this.tortoise.genesis
    const votes = { base: ZERO20, support: [], against: [], abstain: [] }
    const decoded = decodeVotes({
      genesis,
      baseLayer: genesis,
      baseVotes: [],
      ballotLayer: layer,
      exceptions: votes,
    })
    return decoded[decoded.length - 1]?.opinion ?? ZERO32
  }

  private receiveProposal(data: Uint8Array): void {
    let proposal: Proposal
    try {
      proposal = decodeProposal(data)
    } catch {
      this.reject('PROPOSAL_MALFORMED')
      return
    }
    const ballot = proposal.inner.ballot
    const layer = ballot.inner.layer
    if (layer < this.o.firstLayer) {
      this.reject('PROPOSAL_BEFORE_GENESIS')
      return
    }
    const v = this.view(Math.floor(layer / this.o.preset.layersPerEpoch))
    const r = validateSimProposal(proposal, data, this, v)
    if (!r.ok) {
      this.reject(`PROPOSAL_${r.code}`)
      return
    }
    const idHex = hex(r.proposalId)
    const ballotHex = hex(r.ballotId)
    const smesherHex = hex(ballot.smesherId)
    let forLayer = this.proposals.get(layer)
    if (forLayer === undefined) this.proposals.set(layer, (forLayer = new Map()))
    if (forLayer.has(idHex)) return
    this.o.shared.proposalsById.set(idHex, data)
    this.o.shared.proposalsByBallot.set(ballotHex, data)
    // Two proposals of one identity in a layer: equivocation (go-spacemesh malfeasance, §2.11).
    const slot = `${layer}:${smesherHex}`
    const seen = this.bySmesherLayer.get(slot)
    if (seen !== undefined && seen !== idHex && !this.malicious.has(smesherHex)) {
      this.malicious.add(smesherHex)
      this.counters.equivocators++
    }
    this.bySmesherLayer.set(slot, idHex)
    forLayer.set(idHex, proposal)
    if (!this.ballots.has(ballotHex)) {
      this.ballots.set(ballotHex, {
        layer,
        smesherId: ballot.smesherId,
        atxId: ballot.inner.atxId,
        epochData: ballot.inner.epochData ?? this.ballots.get(hex(ballot.inner.refBallot))?.epochData,
      })
      // Blocks the ballot supports that our Hare did not give us: fetch them (go-spacemesh fetches
      // every block a ballot votes for before handing the ballot to the tortoise).
      for (const vote of ballot.votes.support) {
        const b = this.o.shared.blocks.get(hex(vote.id))
        if (b !== undefined)
          this.tortoise.onBlock({ id: vote.id, layer: b.layer, height: b.block.tickHeight })
      }
      const t = this.tortoise.onBallot(toTortoiseBallot(ballot, r.ballotId, this.malicious.has(smesherHex)))
      if (!t.ok && t.error.code !== 'DUPLICATE_BALLOT') this.reject(`BALLOT_${t.error.code}`)
    }
  }

  /** The fetcher: a ballot this node has not seen, from the shared store (validated as gossip). */
  knownBallot(id: Uint8Array): KnownBallot | undefined {
    const key = hex(id)
    const known = this.ballots.get(key)
    if (known !== undefined) return known
    const data = this.o.shared.proposalsByBallot.get(key)
    if (data === undefined) return undefined
    this.receiveProposal(data)
    return this.ballots.get(key)
  }

  // ---- Hare -------------------------------------------------------------------------------------

  private startHare(layer: number): void {
    const p = this.o.preset
    const v = this.view(Math.floor(layer / p.layersPerEpoch))
    const s = this.o.smesher().smesher
    const session = new HareSession({
      layer,
      beacon: v.beacon,
      genesisId: this.o.genesisId,
      committee: p.hare.committee,
      leaders: p.hare.leaders,
      weights: v.weights,
      totalWeight: v.totalWeight,
      validationCache: this.o.shared.hareCache(layer, v.contextKey),
      iterationsLimit: p.hare.iterationsLimit,
      signers: v.own === undefined ? [] : [s.config.seed],
      isMalicious: (id) => this.malicious.has(hex(id)),
    })
    this.sessions.set(layer, session)
    session.setInitialProposals(this.o.behaviour === 'against' ? [] : this.initialProposals(layer))
    for (const data of this.early.get(layer) ?? []) this.deliverHare(session, data)
    this.early.delete(layer)
    const tick0 = layer * p.layerDurationMs + p.hare.preroundDelayMs
    const step = (k: number): void => {
      const out = session.next()
      for (const data of out.outbound) this.sendHare(data)
      if (out.coin !== undefined) this.tortoise.onWeakCoin(layer, out.coin)
      if (out.result !== undefined) this.onHareResult(layer, out.result)
      if (out.done === 'failed') this.counters.hareFailed++
      if (out.done === undefined && k < 64)
        this.ctx.scheduler.at(tick0 + (k + 1) * p.hare.roundDurationMs, () => step(k + 1))
      else this.sessions.delete(layer)
    }
    step(0)
  }

  private initialProposals(layer: number): Uint8Array[] {
    const out: Uint8Array[] = []
    for (const [idHex, x] of this.proposals.get(layer) ?? []) {
      if (!this.malicious.has(hex(x.inner.ballot.smesherId))) out.push(fromHex(idHex))
    }
    return out
  }

  private sendHare(data: Uint8Array): void {
    this.ctx.network.broadcast(this.id, { topic: ConsensusTopic.HARE, data })
    if (this.o.behaviour !== 'equivocate') return
    // A second, validly signed message for the same round with another value: equivocation.
    const m = decodeHareMessage(data)
    const body = {
      ...m.body,
      value: { ...m.body.value, proposals: m.body.value.proposals.length > 0 ? [] : [ZERO20] },
    }
    const seed = this.o.smesher().smesher.config.seed
    const signature = signMessage(seed, this.o.genesisId, SigningDomain.HARE, encodeHareSignedBytes(body))
    this.ctx.network.broadcast(this.id, {
      topic: ConsensusTopic.HARE,
      data: encodeHareMessage({ ...m, body, signature }),
    })
  }

  private receiveHare(data: Uint8Array): void {
    let layer: number
    try {
      layer = decodeHareMessage(data).body.layer
    } catch {
      this.reject('HARE_MALFORMED')
      return
    }
    const session = this.sessions.get(layer)
    if (session !== undefined) {
      this.deliverHare(session, data)
      return
    }
    if (layer > this.currentLayer || (layer === this.currentLayer && !this.hareOutput.has(layer))) {
      const list = this.early.get(layer) ?? []
      if (list.length < 4096) list.push(data)
      this.early.set(layer, list)
    }
  }

  private deliverHare(session: HareSession, data: Uint8Array): void {
    const v = session.onMessage(data)
    if (v.verdict !== 'ACCEPT') {
      if (v.error.code !== 'DUPLICATE' && v.error.code !== 'AFTER_END') this.reject(`HARE_${v.error.code}`)
    } else if (v.equivocation !== undefined) {
      const who = hex(decodeHareMessage(data).sender)
      if (!this.malicious.has(who)) {
        this.malicious.add(who)
        this.counters.equivocators++
      }
    }
  }

  private onHareResult(layer: number, ids: Uint8Array[]): void {
    const block = this.buildLayerBlock(layer, ids)
    if (block === undefined) {
      this.hareOutput.set(layer, '')
      this.tortoise.onHareOutput(layer, undefined)
      return
    }
    this.hareOutput.set(layer, block.idHex)
    this.tortoise.onHareOutput(layer, { id: block.id, layer, height: block.height })
    this.certify(layer, block.id)
  }

  private buildLayerBlock(layer: number, ids: Uint8Array[]) {
    const v = this.view(Math.floor(layer / this.o.preset.layersPerEpoch))
    const inputs = []
    const atxSeen = new Set<string>()
    for (const id of [...ids].sort(compare)) {
      const data = this.o.shared.proposalsById.get(hex(id))
      if (data === undefined) continue
      const prop = decodeProposal(data)
      const b = prop.inner.ballot
      const atx = v.atxs.find((a) => hex(a.id) === hex(b.inner.atxId))
      const epochData = b.inner.epochData ?? this.knownBallot(b.inner.refBallot)?.epochData
      // Two agreed proposals of one ATX (an equivocator): keep the lower ID, deterministically.
      if (atx === undefined || epochData === undefined || atxSeen.has(hex(atx.id))) continue
      atxSeen.add(hex(atx.id))
      inputs.push({
        id,
        atxId: atx.id,
        atxBaseHeight: atx.baseTickHeight,
        atxWeight: atx.weight,
        eligibilityCount: epochData.eligibilityCount,
        proofs: b.eligibilityProofs.length,
        txIds: prop.inner.txIds,
      })
    }
    const r = buildBlock({
      layer,
      proposals: inputs,
      getTx: (id) => this.o.shared.txs.get(hex(id))?.header,
      gasLimit: this.o.vm.blockGasLimit,
    })
    if (!r.ok) {
      this.counters.blockErrors++
      return undefined
    }
    if (r.block === undefined) return undefined
    const idHex = hex(r.id)
    if (!this.o.shared.blocks.has(idHex)) this.o.shared.blocks.set(idHex, { layer, block: r.block })
    return { id: r.id, idHex, height: r.block.tickHeight }
  }

  // ---- certificate ------------------------------------------------------------------------------

  private certify(layer: number, blockId: Uint8Array): void {
    const v = this.view(Math.floor(layer / this.o.preset.layersPerEpoch))
    if (v.own === undefined) return
    const m = createCertifyMessage(this.o.smesher().smesher.config.seed, {
      layer,
      blockId,
      beacon: v.beacon,
      genesisId: this.o.genesisId,
      committee: this.o.preset.hare.certifierCommittee,
      weight: v.own.atx.weight,
      totalWeight: v.totalWeight,
    })
    if (m === undefined) return
    const data = encodeCertifyMessage(m)
    this.ctx.network.broadcast(this.id, { topic: ConsensusTopic.CERTIFY, data })
    this.receiveCertify(data)
  }

  certificateContext(layer: number) {
    const v = this.view(Math.floor(layer / this.o.preset.layersPerEpoch))
    return {
      layer,
      beacon: v.beacon,
      genesisId: this.o.genesisId,
      committee: this.o.preset.hare.certifierCommittee,
      weights: v.weights,
      totalWeight: v.totalWeight,
    }
  }

  private receiveCertify(data: Uint8Array): void {
    let m: CertifyMessage
    try {
      m = decodeCertifyMessage(data)
    } catch {
      this.reject('CERTIFY_MALFORMED')
      return
    }
    const layer = m.content.layer
    if (layer < this.o.firstLayer || layer > this.currentLayer || this.certificates.has(layer)) return
    const ctx = this.certificateContext(layer)
    const key = `${hex(hash32(data))}:${this.view(Math.floor(layer / this.o.preset.layersPerEpoch)).contextKey}`
    let ok = this.o.shared.certifyVerdicts.get(key)
    if (ok === undefined) {
      ok = verifyCertifyMessage(m, m.content.blockId, ctx) === undefined
      this.o.shared.certifyVerdicts.set(key, ok)
    }
    if (!ok) {
      this.reject('CERTIFY_INVALID')
      return
    }
    const blockHex = hex(m.content.blockId)
    // Certify only what our own Hare produced (go-spacemesh collects for the hare output's block).
    if (this.hareOutput.get(layer) !== blockHex) return
    let c = this.certifying.get(layer)
    if (c === undefined || c.blockId !== blockHex)
      this.certifying.set(layer, (c = { blockId: blockHex, msgs: [], seats: 0, signers: new Set() }))
    const signer = hex(m.smesherId)
    if (c.signers.has(signer)) return
    c.signers.add(signer)
    c.msgs.push(m)
    c.seats += m.content.eligibilityCount
    if (c.seats >= certificateThreshold(ctx)) {
      this.certificates.set(layer, { blockId: m.content.blockId, signatures: c.msgs })
      this.certifying.delete(layer)
    }
  }

  // ---- tortoise → VM ----------------------------------------------------------------------------

  private endLayer(layer: number): void {
    this.tortoise.tallyVotes(layer)
    const u = this.tortoise.updates()
    if (u.revertFrom !== undefined) this.ledger.revert(u.revertFrom)
    for (const l of u.layers) {
      const idHex = l.block === undefined ? '' : hex(l.block)
      const shared = idHex === '' ? undefined : this.o.shared.blocks.get(idHex)
      if (idHex !== '' && shared === undefined) this.reject('MISSING_BLOCK') // nobody built it: apply empty
      const txs = (shared?.block.txIds ?? []).map(
        (id) => this.o.shared.txs.get(hex(id))?.raw ?? new Uint8Array(),
      )
      this.ledger.apply(l.layer, shared?.block, idHex, txs, (atx) => {
        const a = this.o.smesher().atxs.get(atx)
        return a === undefined ? undefined : this.o.shared.coinbaseBySmesher.get(hex(a.smesherId))
      })
    }
    this.mempool.prune(this.ledger.state)
  }
}

function compare(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!
  return a.length - b.length
}

function fromHex(h: string): Uint8Array {
  return Uint8Array.from({ length: h.length / 2 }, (_, i) => Number.parseInt(h.slice(2 * i, 2 * i + 2), 16))
}
