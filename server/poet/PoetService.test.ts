import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { publicKeyFromSeed, SigningDomain, signMessage } from '../../src/core/crypto/index.ts'
import {
  buildMembershipTree,
  decodePoetProof,
  decodePoetProverCheckpoint,
  POET_T,
  verifyPoetProof,
} from '../../src/core/poet/index.ts'
import { PoetRequestError } from './PoetRequestError.ts'
import { PoetService, type PoetServiceParams } from './PoetService.ts'
import { PoetStore } from './PoetStore.ts'

const dir = mkdtempSync(join(tmpdir(), 'poet-svc-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Virtual milliseconds: round 0 closes at 1000 and works until 1500; round 1 works 2000..2500.
const params: PoetServiceParams = {
  genesisMs: 0,
  phaseShiftMs: 1000,
  epochDurationMs: 1000,
  cycleGapMs: 500,
  powDifficulty: 0,
  maxRoundMembers: 2,
}
const genesisId = new Uint8Array(20).fill(7)

function registration(service: PoetService, k: number) {
  const seed = new Uint8Array(32).fill(k)
  const challenge = new Uint8Array(32).fill(0x80 + k)
  return {
    challenge,
    pubkey: publicKeyFromSeed(seed),
    signature: signMessage(seed, genesisId, SigningDomain.POET, challenge),
    prefix: new Uint8Array([...genesisId, SigningDomain.POET]),
    nonce: 0,
    powChallenge: service.powParams().challenge,
  }
}

async function until<T>(f: () => T | undefined, what: string, ms = 10_000): Promise<T> {
  const giveUp = Date.now() + ms
  for (;;) {
    const v = f()
    if (v !== undefined) return v
    if (Date.now() > giveUp) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('PoetService on an injected clock', () => {
  it('runs rounds on the clock, resumes a round from its checkpoint after a restart, bounds members', async () => {
    const dbPath = join(dir, 'poet.sqlite')
    const treeDir = join(dir, 'rounds')
    // Before the restart no periodic checkpoint falls due, so only stop() can save one.
    const firstWork = { treeDir, checkpointEveryMs: 600_000 }
    const work = { treeDir, checkpointEveryMs: 20 }
    const clock = { t: 0, now: () => clock.t }
    const logs: { msg: string; fields: Record<string, unknown> }[] = []
    const log = (msg: string, fields: Record<string, unknown> = {}) => logs.push({ msg, fields })
    let store = new PoetStore(dbPath)
    let service = new PoetService(store, params, clock, log, undefined, firstWork)
    service.start()
    const a = registration(service, 1)
    const b = registration(service, 2)
    expect(service.submit(a)).toMatchObject({ round: 0, startMs: 1000, endMs: 1500, status: 'registered' })
    expect(service.submit(b).status).toBe('registered')
    const c = registration(service, 3)
    expect(() => service.submit(c)).toThrow(expect.objectContaining({ code: 'ROUND_FULL', status: 503 }))

    // Round 0 closes: its work starts and runs as long as the clock stays before its end.
    clock.t = 1000
    await until(() => (service.executingRound === 0 ? true : undefined), 'round 0 to start')
    expect(service.submit(c)).toMatchObject({ round: 1, status: 'registered' })
    // Wait until the leaves' file has its first buffer written out (LEAF_BUFFER_NODES leaves),
    // then stop mid-round: stop() itself saves the checkpoint, covering at least those leaves.
    const leaves = join(treeDir, 'round-0', 'layer-00.bin')
    const onDisk = await until(() => {
      const n = existsSync(leaves) ? statSync(leaves).size / 32 : 0
      return n > 0 ? n : undefined
    }, 'leaves on disk')
    expect(store.getCheckpoint(0)).toBeUndefined()
    await service.stop()
    expect(tryProof(service, 0)).toBeUndefined() // interrupted: nothing published
    const saved = store.getCheckpoint(0)!
    expect(decodePoetProverCheckpoint(saved.checkpoint).leafCount).toBe(saved.leafCount)
    expect(saved.leafCount).toBeGreaterThanOrEqual(onDisk)
    const stopped = logs.find((l) => l.msg === 'round stopped')
    expect(stopped?.fields).toEqual({ round: 0, checkpointLeaves: saved.leafCount })
    store.close()

    // Restart: the unfinished round continues from its checkpoint over its tree files.
    clock.t = 1200
    store = new PoetStore(dbPath)
    service = new PoetService(store, params, clock, log, undefined, work)
    service.start()
    await until(() => (service.executingRound === 0 ? true : undefined), 'round 0 to resume')
    const checkpointed = store.getCheckpoint(0)!.leafCount
    expect(checkpointed).toBe(saved.leafCount)
    // Let it run past its checkpoint before the round ends.
    await until(
      () => ((store.getCheckpoint(0)?.leafCount ?? 0) > checkpointed ? true : undefined),
      'a checkpoint after the restart',
    )
    clock.t = 1600
    const r0 = await until(() => tryProof(service, 0, a.challenge), 'proof of round 0')
    const proof = decodePoetProof(r0.stored.proof)
    const published = logs.filter((l) => l.msg === 'proof published' && l.fields.round === 0)
    expect(published).toHaveLength(1)
    expect(published[0]!.fields.resumedFrom).toBe(checkpointed)
    expect(logs.some((l) => l.msg.startsWith('checkpoint refused'))).toBe(false)
    expect(proof.leafCount).toBeGreaterThan(checkpointed)
    expect(proof.leafCount).toBe(r0.stored.leafCount)
    expect(store.getCheckpoint(0)).toBeUndefined() // dropped with the publication
    expect(existsSync(join(treeDir, 'round-0'))).toBe(false)
    expect(r0.stored.statement).toEqual(buildMembershipTree(orderByNode([a, b])).root)
    verifyPoetProof(proof, r0.stored.statement)
    expect(r0.membership?.leafIndex).toBe(orderByNode([a, b]).findIndex((x) => x[0] === a.challenge[0]))

    // Round 1 (registered before the restart) runs on the next boundary; the clock jumping past
    // its end stops the work as soon as it has T leaves.
    clock.t = 2600
    const r1 = await until(() => tryProof(service, 1), 'proof of round 1')
    expect(r1.stored.leafCount).toBe(POET_T)
    expect(logs.find((l) => l.msg === 'proof published' && l.fields.round === 1)?.fields.resumedFrom).toBe(0)
    expect(r1.stored.statement).toEqual(c.challenge) // a single member is the root
    verifyPoetProof(decodePoetProof(r1.stored.proof), c.challenge)
    await service.stop()
    store.close()
  })
})

function orderByNode(regs: { pubkey: Uint8Array; challenge: Uint8Array }[]): Uint8Array[] {
  return [...regs].sort((x, y) => Buffer.compare(x.pubkey, y.pubkey)).map((r) => r.challenge)
}

function tryProof(service: PoetService, round: number, member?: Uint8Array) {
  try {
    return service.proof(round, member)
  } catch (err) {
    if (err instanceof PoetRequestError && err.code === 'PROOF_NOT_READY') return undefined
    throw err
  }
}
