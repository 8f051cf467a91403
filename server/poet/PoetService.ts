/**
 * The PoET service without its HTTP skin (poet `registration` + `service`; reference
 * post-poet.md §3.3–3.4). Round e takes registrations until RoundStart(e); then its members'
 * challenges, in node-id order, form the membership tree whose root is the statement; the
 * sequential work runs until RoundEnd(e) and the proof is stored. Everything that must survive
 * a restart is in SQLite before a request is answered.
 *
 * The work survives a restart too. With a `treeDir`, a round's tree is written to layer files
 * (`FilePoetTreeStore`) and every `checkpointEveryMs` (default 60 s) the files are fsynced and
 * then the prover's checkpoint (leaf count and parked nodes, ≤ 1,417 B) saved in SQLite
 * (`round_checkpoints`). On restart an unfinished round continues from its last checkpoint over
 * the same files until RoundEnd(e), so its proof covers the whole round less at most one
 * interval and the downtime. A checkpoint that does not match its files is refused and the round
 * re-run from leaf 0 (fewer ticks, never a wrong proof); without a `treeDir` the tree is kept in
 * memory and an interrupted round always restarts from leaf 0. `stop()` ends the work with a last
 * flush and checkpoint, so a clean stop loses no work, only the downtime. Publishing the proof
 * drops the checkpoint in the same transaction, then the files; files a crash left between the
 * two are removed on the next `start()`.
 *
 * Proofs are not signed: poet does not sign them and go-spacemesh does not check a signature
 * (post-poet.md §3.2); the service key is only its identity, as in poet.
 */
import { randomBytes } from 'node:crypto'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { bytesToHex } from '@noble/hashes/utils.js'
import { publicKeyFromSeed, SigningDomain, verifySignature } from '../../src/core/crypto/index.ts'
import {
  buildMembershipTree,
  computePoetRound,
  computePoetRoundTimes,
  type MembershipTree,
  type PoetRoundSchedule,
  verifyRegistrationPow,
} from '../../src/core/poet/index.ts'
import { PoetRequestError } from './PoetRequestError.ts'
import type { PoetStore, StoredProof } from './PoetStore.ts'
import type { RoundWorkRunner } from './RoundWork.ts'
import { removeFinishedRoundFiles } from './removeFinishedRoundFiles.ts'
import { runRoundInline } from './runRoundInline.ts'

export interface PoetServiceParams extends PoetRoundSchedule {
  /** Leading zero bits the registration PoW needs. */
  readonly powDifficulty: number
  /** Registrations accepted per round (poet `MaxRoundMembers`). */
  readonly maxRoundMembers: number
}

export interface PoetClock {
  now(): number
}

export interface SubmitInput {
  readonly challenge: Uint8Array
  readonly pubkey: Uint8Array
  readonly signature: Uint8Array
  readonly prefix: Uint8Array
  readonly nonce: number
  readonly powChallenge: Uint8Array
  readonly deadlineMs?: number | undefined
}

export interface PoetWorkOptions {
  /** Directory for the rounds' tree files; enables checkpoints. */
  readonly treeDir?: string | undefined
  /** Checkpoint interval of the sequential work (default 60 s, `proveRound.ts`). */
  readonly checkpointEveryMs?: number | undefined
}

export type Log = (msg: string, fields?: Record<string, unknown>) => void

export class PoetService {
  readonly servicePubkey: Uint8Array
  private executing: number | null = null
  private lastOpen = -1
  private readonly queue: number[] = []
  private readonly abort = new AbortController()
  private timer: NodeJS.Timeout | undefined
  private work: Promise<void> = Promise.resolve()
  private treeCache: { round: number; tree: MembershipTree; challenges: string[] } | undefined

  constructor(
    private readonly store: PoetStore,
    readonly params: PoetServiceParams,
    private readonly clock: PoetClock,
    private readonly log: Log = () => {},
    private readonly runRound: RoundWorkRunner = runRoundInline,
    private readonly workOptions: PoetWorkOptions = {},
  ) {
    this.servicePubkey = publicKeyFromSeed(this.metaOrRandom('service_seed'))
    this.metaOrRandom('pow_challenge')
  }

  /** Removes leftover tree files of finished rounds, then watches the clock for round boundaries. */
  start(): void {
    const root = this.workOptions.treeDir
    if (root !== undefined) {
      for (const r of removeFinishedRoundFiles(root, this.store)) {
        this.log('removed leftover round files', { round: r.round, reason: r.reason })
      }
    }
    const loop = () => {
      this.tick()
      if (!this.abort.signal.aborted) this.timer = setTimeout(loop, 50)
    }
    loop()
  }

  /**
   * Stops the work loop once the round under way has saved a last checkpoint; it resumes from
   * there on the next start.
   */
  async stop(): Promise<void> {
    clearTimeout(this.timer)
    this.abort.abort(new Error('service stopped'))
    await this.work
  }

  get executingRound(): number | null {
    return this.executing
  }

  openRound() {
    const r = computePoetRound(this.clock.now(), this.params)
    return { ...r, members: this.store.memberCount(r.round) }
  }

  powParams(): { challenge: Uint8Array; difficulty: number } {
    return { challenge: this.store.getMeta('pow_challenge')!, difficulty: this.params.powDifficulty }
  }

  submit(req: SubmitInput): {
    round: number
    startMs: number
    endMs: number
    status: 'registered' | 'already-registered'
  } {
    if (req.prefix.length !== 21 || req.prefix[20] !== SigningDomain.POET) {
      throw new PoetRequestError(
        400,
        'BAD_FIELD',
        `prefix: expected genesisId (20 bytes) ‖ 0x04, got ${req.prefix.length} bytes`,
      )
    }
    if (
      !verifySignature(
        req.pubkey,
        req.prefix.subarray(0, 20),
        SigningDomain.POET,
        req.challenge,
        req.signature,
      )
    ) {
      throw new PoetRequestError(
        400,
        'INVALID_SIGNATURE',
        'signature: not an ed25519 signature of prefix ‖ challenge by pubkey',
      )
    }
    const current = this.store.getMeta('pow_challenge')!
    const previous = this.store.getMeta('pow_challenge_prev')
    const known = [current, previous].some(
      (c) => c !== undefined && bytesToHex(c) === bytesToHex(req.powChallenge),
    )
    if (!known)
      throw new PoetRequestError(
        400,
        'STALE_POW_CHALLENGE',
        'powChallenge: neither the current nor the previous one; fetch /v1/info',
      )
    if (
      !verifyRegistrationPow(
        req.powChallenge,
        req.pubkey,
        req.challenge,
        req.nonce,
        this.params.powDifficulty,
      )
    ) {
      throw new PoetRequestError(
        400,
        'INVALID_POW',
        `nonce: does not reach ${this.params.powDifficulty} leading zero bits`,
      )
    }
    const open = computePoetRound(this.clock.now(), this.params)
    if (req.deadlineMs !== undefined && open.endMs > req.deadlineMs) {
      throw new PoetRequestError(
        412,
        'DEADLINE_PASSED',
        `deadline ${req.deadlineMs} is before round ${open.round} ends at ${open.endMs}`,
      )
    }
    const outcome = this.store.register(open.round, req.pubkey, req.challenge, this.params.maxRoundMembers)
    if (outcome === 'conflict') {
      throw new PoetRequestError(
        409,
        'CONFLICTING_REGISTRATION',
        `node already registered another challenge in round ${open.round}`,
      )
    }
    if (outcome === 'round-full') {
      throw new PoetRequestError(
        503,
        'ROUND_FULL',
        `round ${open.round} has ${this.params.maxRoundMembers} members`,
      )
    }
    this.log('registered', { round: open.round, node: bytesToHex(req.pubkey).slice(0, 12), outcome })
    return { round: open.round, startMs: open.startMs, endMs: open.endMs, status: outcome }
  }

  /** The finished proof of `round`, with the membership proof of `member` when given. */
  proof(round: number, member?: Uint8Array) {
    const stored = this.store.getProof(round)
    if (stored === undefined) {
      const times = computePoetRoundTimes(round, this.params)
      throw new PoetRequestError(
        404,
        'PROOF_NOT_READY',
        `round ${round}: no proof (work ends at ${times.endMs})`,
      )
    }
    const { tree, challenges } = this.membershipTree(round)
    let membership: ReturnType<MembershipTree['proveMember']> | undefined
    if (member !== undefined) {
      const index = challenges.indexOf(bytesToHex(member))
      if (index < 0)
        throw new PoetRequestError(404, 'NOT_A_MEMBER', `round ${round}: challenge not registered`)
      membership = tree.proveMember(index)
    }
    return { stored, memberCount: challenges.length, membership }
  }

  private membershipTree(round: number) {
    if (this.treeCache?.round !== round) {
      const challenges = this.store.members(round).map((m) => m.challenge)
      this.treeCache = {
        round,
        tree: buildMembershipTree(challenges),
        challenges: challenges.map(bytesToHex),
      }
    }
    return this.treeCache
  }

  private tick(): void {
    const open = computePoetRound(this.clock.now(), this.params).round
    if (open <= this.lastOpen) return
    this.lastOpen = open
    for (const round of this.store.unfinishedRounds(open)) {
      if (round !== this.executing && !this.queue.includes(round)) this.queue.push(round)
    }
    if (this.executing === null && this.queue.length > 0) this.work = this.drain()
  }

  private async drain(): Promise<void> {
    for (let round = this.queue.shift(); round !== undefined; round = this.queue.shift()) {
      if (this.abort.signal.aborted) break
      this.executing = round
      try {
        await this.execute(round)
      } catch (err) {
        if (this.abort.signal.aborted) {
          this.log('round stopped', {
            round,
            checkpointLeaves: this.store.getCheckpoint(round)?.leafCount ?? 0,
            ...(err !== this.abort.signal.reason && { error: String(err) }),
          })
          break
        }
        this.log('round failed', { round, error: String(err) })
      } finally {
        this.executing = null
      }
    }
  }

  private async execute(round: number): Promise<void> {
    const { tree } = this.membershipTree(round)
    const { endMs } = computePoetRoundTimes(round, this.params)
    const root = this.workOptions.treeDir
    const treeDir = root === undefined ? undefined : join(root, `round-${round}`)
    const saved = treeDir === undefined ? undefined : this.store.getCheckpoint(round)
    this.log('round started', {
      round,
      members: tree.leafCount,
      statement: bytesToHex(tree.root),
      checkpointLeaves: saved?.leafCount ?? 0,
    })
    const result = await this.runRound({
      statement: tree.root,
      endMs,
      now: () => this.clock.now(),
      signal: this.abort.signal,
      treeDir,
      checkpoint: saved?.checkpoint,
      checkpointEveryMs: this.workOptions.checkpointEveryMs,
      onCheckpoint: (checkpoint, leafCount) =>
        this.store.saveCheckpoint(round, { checkpoint, leafCount }, this.clock.now()),
    })
    if (result.resumeError !== undefined) {
      this.log('checkpoint refused, round re-run from leaf 0', { round, error: result.resumeError })
    }
    const leafCount = result.leafCount
    const proof: StoredProof = { round, statement: tree.root, proof: result.proof, leafCount }
    this.store.saveProof(proof, this.clock.now())
    if (treeDir !== undefined) rmSync(treeDir, { recursive: true, force: true })
    // Rotate the PoW challenge to the finished round's root, keeping the previous one valid
    // (poet's rotation): a nonce cannot be mined before the challenge exists.
    this.store.setMeta('pow_challenge_prev', this.store.getMeta('pow_challenge')!)
    this.store.setMeta('pow_challenge', tree.root)
    this.log('proof published', { round, leafCount, resumedFrom: result.resumedFrom })
  }

  private metaOrRandom(key: string): Uint8Array {
    const existing = this.store.getMeta(key)
    if (existing !== undefined) return existing
    const fresh = new Uint8Array(randomBytes(32))
    this.store.setMeta(key, fresh)
    return fresh
  }
}
