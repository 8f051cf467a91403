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
import { bytesToHex as hex, hexToBytes } from '@noble/hashes/utils.js'
import { hash32 } from '../crypto/hash.ts'
import type { Certificate } from '../hare/certificateCodec.ts'
import type { HareStep } from '../hare/HareSession.ts'
import { decodeProposal, type Proposal } from '../mesh/proposalCodec.ts'
import type { KnownBallot } from '../mesh/validateBallot.ts'
import type { Preset } from '../params/presets.ts'
import { Tortoise } from '../tortoise/Tortoise.ts'
import { toTortoiseBallot } from '../tortoise/toTortoiseBallot.ts'
import { TxPool } from '../txpool/TxPool.ts'
import type { VmParams } from '../vm/applyBlock.ts'
import type { VmState } from '../vm/VmState.ts'
import { buildSimEpochView, type SimEpochView } from './buildSimEpochView.ts'
import { buildSimLayerBlock } from './buildSimLayerBlock.ts'
import { buildSimProposals } from './buildSimProposals.ts'
import type { SimActor, SimContext } from './SimActor.ts'
import { BEACON_TOPIC_PREFIX, SimBeaconRunner } from './SimBeaconRunner.ts'
import { SimCertifier } from './SimCertifier.ts'
import type { SimConsensusShared } from './SimConsensusShared.ts'
import { SimHareRunner } from './SimHareRunner.ts'
import { SimLedger } from './SimLedger.ts'
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

export class SimConsensusNode implements SimActor {
  readonly tortoise: Tortoise
  readonly ledger: SimLedger
  readonly mempool: TxPool
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
  private readonly hare: SimHareRunner
  private readonly certifier: SimCertifier
  readonly beacon: SimBeaconRunner
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
    this.mempool = new TxPool(o.genesisState, { genesisId: o.genesisId, blockGasLimit: o.vm.blockGasLimit })
    const seed = () => this.o.smesher().smesher.config.seed
    this.hare = new SimHareRunner(ctx, p, {
      id,
      topic: ConsensusTopic.HARE,
      get equivocateWith() {
        return o.behaviour === 'equivocate' ? { seed: seed(), genesisId: o.genesisId } : undefined
      },
      onStep: (layer, step) => this.onHareStep(layer, step),
      onEquivocator: (who) => this.markMalicious(who),
      reject: (code) => this.reject(code),
    })
    this.beacon = new SimBeaconRunner(id, ctx, p, o.genesisId, o.shared)
    this.certifier = new SimCertifier(o.genesisId, p.hare.certifierCommittee, o.shared)
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
    const ok = this.admitTx(raw)
    if (ok) this.ctx.network.broadcast(this.id, { topic: ConsensusTopic.TX, data: raw })
    return ok
  }

  /** TxPool admission; an admitted tx becomes fetchable by ID for block building and execution. */
  private admitTx(raw: Uint8Array): boolean {
    const r = this.mempool.admit(raw)
    if (r.verdict !== 'ACCEPT') return false
    const key = hex(r.id)
    if (this.o.shared.txs.has(key)) return true
    const p = this.mempool.pending(raw.subarray(1, 25)).find((x) => x.hexId === key)?.parsed
    if (p === undefined) return true
    this.o.shared.txs.set(key, {
      raw,
      header: {
        principal: p.tx.principal,
        nonce: p.tx.nonce,
        maxGas: p.maxGas,
        gasPrice: p.tx.gasPrice,
        maxSpend: p.maxSpend,
      },
    })
    return true
  }

  onMessage(_from: string, m: SimMessage): void {
    if (m.topic === ConsensusTopic.PROPOSAL) this.receiveProposal(m.data)
    else if (m.topic === ConsensusTopic.HARE) this.hare.receive(m.data, this.currentLayer)
    else if (m.topic === ConsensusTopic.CERTIFY) this.receiveCertify(m.data)
    else if (m.topic === ConsensusTopic.TX) this.admitTx(m.data)
    else if (m.topic.startsWith(BEACON_TOPIC_PREFIX)) {
      const error = this.beacon.onMessage(m.topic, m.data)
      if (error !== undefined) this.reject(error)
    }
  }

  view(epoch: number): SimEpochView {
    let v = this.views.get(epoch)
    if (v === undefined) {
      const s = this.o.smesher()
      const beacon = this.beacon.beacons.get(epoch)
      v = buildSimEpochView(epoch, s.atxs, s.smesher.nodeId, s.smesher.config.seed, this.o.preset, beacon)
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
    const v = this.view(Math.floor(layer / p.layersPerEpoch))
    // Epoch start: the identities active now run the beacon protocol for the next epoch.
    if (layer % p.layersPerEpoch === 0) this.beacon.start(v, v.own && this.o.smesher().smesher.config.seed)
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
    const b = this.o.behaviour
    const built = buildSimProposals({
      layer,
      view: { ...v, own: v.own },
      proofs,
      seed: s.config.seed,
      nodeId: s.nodeId,
      genesisId: this.o.genesisId,
      encoded: enc,
      refBallot: this.refBallot.get(epoch),
      txIds: this.mempool.select(this.o.vm.blockGasLimit, this.o.txsPerProposal).map((raw) => hash32(raw)),
      meshHash: this.tortoise.opinion(layer - 1),
      tortoiseGenesis: this.tortoise.genesis,
      behaviour: b === 'against' || b === 'equivocate' ? b : 'honest',
    })
    if (!this.refBallot.has(epoch)) this.refBallot.set(epoch, built.ballotId)
    for (const bytes of built.proposals) {
      this.counters.proposalsSent++
      this.ctx.network.broadcast(this.id, { topic: ConsensusTopic.PROPOSAL, data: bytes })
      this.receiveProposal(bytes)
    }
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
    if (seen !== undefined && seen !== idHex) this.markMalicious(smesherHex)
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
    const config = {
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
      isMalicious: (id: Uint8Array) => this.malicious.has(hex(id)),
    }
    this.hare.start(config, this.o.behaviour === 'against' ? [] : this.initialProposals(layer))
  }

  private onHareStep(layer: number, out: HareStep): void {
    if (out.coin !== undefined) this.tortoise.onWeakCoin(layer, out.coin)
    if (out.result !== undefined) this.onHareResult(layer, out.result)
    if (out.done === 'failed') this.counters.hareFailed++
  }

  private markMalicious(nodeIdHex: string): void {
    if (this.malicious.has(nodeIdHex)) return
    this.malicious.add(nodeIdHex)
    this.counters.equivocators++
  }

  private initialProposals(layer: number): Uint8Array[] {
    const out: Uint8Array[] = []
    for (const [idHex, x] of this.proposals.get(layer) ?? []) {
      if (!this.malicious.has(hex(x.inner.ballot.smesherId))) out.push(hexToBytes(idHex))
    }
    return out
  }

  private onHareResult(layer: number, ids: Uint8Array[]): void {
    const block = buildSimLayerBlock(
      layer,
      ids,
      this.viewOfLayer(layer),
      this.o.shared,
      this.o.vm.blockGasLimit,
      (id) => this.knownBallot(id),
    )
    if (!block.ok) this.counters.blockErrors++
    if (!block.ok || block.id === undefined) {
      this.hareOutput.set(layer, '')
      this.tortoise.onHareOutput(layer, undefined)
      return
    }
    this.hareOutput.set(layer, block.idHex)
    this.tortoise.onHareOutput(layer, { id: block.id, layer, height: block.height })
    this.certify(layer, block.id)
  }

  // ---- certificate ------------------------------------------------------------------------------

  private certify(layer: number, blockId: Uint8Array): void {
    const seed = this.o.smesher().smesher.config.seed
    const data = this.certifier.sign(seed, layer, blockId, this.viewOfLayer(layer))
    if (data === undefined) return
    this.ctx.network.broadcast(this.id, { topic: ConsensusTopic.CERTIFY, data })
    this.receiveCertify(data)
  }

  /** What verifyCertificate needs for `layer`: the epoch's active set and beacon. */
  certificateContext(layer: number) {
    return this.certifier.context(layer, this.viewOfLayer(layer))
  }

  get certificates(): ReadonlyMap<number, Certificate> {
    return this.certifier.certificates
  }

  private receiveCertify(data: Uint8Array): void {
    const error = this.certifier.receive(
      data,
      (layer) =>
        layer < this.o.firstLayer || layer > this.currentLayer ? undefined : this.viewOfLayer(layer),
      (layer) => this.hareOutput.get(layer),
    )
    if (error !== undefined) this.reject(error)
  }

  private viewOfLayer(layer: number): SimEpochView {
    return this.view(Math.floor(layer / this.o.preset.layersPerEpoch))
  }

  // ---- tortoise → VM ----------------------------------------------------------------------------

  private endLayer(layer: number): void {
    this.hare.endLayer(layer)
    this.tortoise.tallyVotes(layer)
    const u = this.tortoise.updates()
    if (u.revertFrom !== undefined) {
      // Reverted txs go back to the pool (go-spacemesh `txs` revert), against the state before.
      const removed = this.ledger.revert(u.revertFrom)
      this.mempool.onBlockApplied(this.ledger.state)
      for (const l of removed)
        for (const id of l.executed) {
          const tx = this.o.shared.txs.get(id)
          if (tx !== undefined) this.mempool.admit(tx.raw)
        }
    }
    for (const l of u.layers) {
      const idHex = l.block === undefined ? '' : hex(l.block)
      const shared = idHex === '' ? undefined : this.o.shared.blocks.get(idHex)
      if (idHex !== '' && shared === undefined) this.reject('MISSING_BLOCK') // nobody built it: apply empty
      const txs = (shared?.block.txIds ?? []).map(
        (id) => this.o.shared.txs.get(hex(id))?.raw ?? new Uint8Array(),
      )
      const r = this.ledger.apply(l.layer, shared?.block, idHex, txs, this.mempool.isVerified, (atx) => {
        const a = this.o.smesher().atxs.get(atx)
        return a === undefined ? undefined : this.o.shared.coinbaseBySmesher.get(hex(a.smesherId))
      })
      this.mempool.onBlockApplied(r.state, r.results)
    }
  }
}
