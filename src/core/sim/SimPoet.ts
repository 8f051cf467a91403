/**
 * A PoET service inside the simulator, built on core/poet exactly as `server/poet` is, minus
 * HTTP: registrations per round (one challenge per node id; a different second challenge is a
 * conflict), the membership tree over them in node-id order at round start, sequential work in
 * slices of virtual time at `leavesPerSecond`, and at round end the Fiat–Shamir proof, which it
 * gossips (go-spacemesh fetches proofs by ref from peers; broadcasting them is our shortcut).
 */
import { bytesToHex } from '@noble/hashes/utils.js'
import { hash32 } from '../crypto/index.ts'
import type { Preset } from '../params/presets.ts'
import {
  buildMembershipTree,
  computePoetRoundTimes,
  encodePoetProof,
  type MembershipTree,
  type PoetProof,
  PoetProver,
  type PoetRoundSchedule,
} from '../poet/index.ts'
import { type SimActor, type SimContext, SimTopic } from './SimActor.ts'
import type { SimMessage } from './SimNetwork.ts'

interface Round {
  readonly members: Map<string, Uint8Array>
  tree?: MembershipTree
  prover?: PoetProver
  proof?: { readonly proof: PoetProof; readonly bytes: Uint8Array; readonly ref: Uint8Array }
}

export type PoetRegisterResult = { ok: true } | { ok: false; reason: string }
export type PoetProofResult =
  | { ok: true; ref: Uint8Array; leafCount: bigint; leafIndex: number; nodes: readonly Uint8Array[] }
  | { ok: false; reason: string }

export class SimPoet implements SimActor {
  private readonly rounds = new Map<number, Round>()
  private readonly schedule: PoetRoundSchedule

  constructor(
    readonly id: string,
    private readonly ctx: SimContext,
    preset: Pick<Preset, 'layerDurationMs' | 'layersPerEpoch' | 'poet'>,
    private readonly leavesPerSecond: number,
    genesisMs: number,
  ) {
    this.schedule = {
      genesisMs,
      epochDurationMs: preset.layerDurationMs * preset.layersPerEpoch,
      phaseShiftMs: preset.poet.phaseShiftMs,
      cycleGapMs: preset.poet.cycleGapMs,
    }
  }

  start(): void {
    this.scheduleRound(0)
  }

  /** The PoET only serves requests; gossip it receives is not for it. */
  onMessage(_from: string, _message: SimMessage): void {}

  /** `POST /v1/submit`: accepted until the round opens. */
  register(round: number, nodeId: Uint8Array, challenge: Uint8Array): PoetRegisterResult {
    const times = computePoetRoundTimes(round, this.schedule)
    if (this.ctx.scheduler.now >= times.startMs)
      return { ok: false, reason: `round ${round} already started` }
    const r = this.round(round)
    const key = bytesToHex(nodeId)
    const existing = r.members.get(key)
    if (existing !== undefined && bytesToHex(existing) !== bytesToHex(challenge)) {
      return { ok: false, reason: 'conflicting registration' }
    }
    r.members.set(key, challenge.slice())
    return { ok: true }
  }

  /** `GET /v1/proofs/{round}` plus the caller's membership proof. */
  proofFor(round: number, challenge: Uint8Array): PoetProofResult {
    const r = this.rounds.get(round)
    if (r?.proof === undefined || r.tree === undefined)
      return { ok: false, reason: `round ${round} has no proof yet` }
    const leaves = sortedLeaves(r)
    const index = leaves.findIndex((l) => bytesToHex(l) === bytesToHex(challenge))
    if (index < 0) return { ok: false, reason: 'challenge not registered in the round' }
    const m = r.tree.proveMember(index)
    return {
      ok: true,
      ref: r.proof.ref,
      leafCount: BigInt(r.proof.proof.leafCount),
      leafIndex: index,
      nodes: m.nodes,
    }
  }

  private round(round: number): Round {
    let r = this.rounds.get(round)
    if (r === undefined) this.rounds.set(round, (r = { members: new Map() }))
    return r
  }

  private scheduleRound(round: number): void {
    const { startMs, endMs } = computePoetRoundTimes(round, this.schedule)
    const s = this.ctx.scheduler
    s.at(startMs, () => {
      this.scheduleRound(round + 1)
      const r = this.round(round)
      if (r.members.size === 0) return
      r.tree = buildMembershipTree(sortedLeaves(r))
      r.prover = new PoetProver(r.tree.root)
      // Sequential work in one-second slices of virtual time.
      for (let t = startMs + 1000; t < endMs; t += 1000) s.at(t, () => this.work(r, startMs, t))
      s.at(endMs, () => this.finish(r, startMs, endMs))
    })
  }

  private work(r: Round, startMs: number, nowMs: number): void {
    const due = Math.floor(((nowMs - startMs) * this.leavesPerSecond) / 1000)
    r.prover!.step(due - r.prover!.leafCount)
  }

  private finish(r: Round, startMs: number, endMs: number): void {
    this.work(r, startMs, endMs)
    const proof = r.prover!.prove()
    const bytes = encodePoetProof(proof)
    r.proof = { proof, bytes, ref: hash32(bytes) }
    const message = new Uint8Array(32 + bytes.length)
    message.set(r.tree!.root, 0)
    message.set(bytes, 32)
    this.ctx.network.broadcast(this.id, { topic: SimTopic.POET_PROOF, data: message })
  }
}

/** Leaves in ascending node-id order (poet iterates its LevelDB registrations that way). */
function sortedLeaves(r: Round): Uint8Array[] {
  return [...r.members.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, c]) => c)
}
