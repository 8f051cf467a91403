import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { publicKeyFromSeed, SigningDomain, signMessage } from '../../src/core/crypto/index.ts'
import { buildMembershipTree, decodePoetProof, POET_T, verifyPoetProof } from '../../src/core/poet/index.ts'
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
  it('runs rounds on the clock, survives a restart in the middle of the work, bounds members', async () => {
    const dbPath = join(dir, 'poet.sqlite')
    const clock = { t: 0, now: () => clock.t }
    let store = new PoetStore(dbPath)
    let service = new PoetService(store, params, clock)
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
    await service.stop()
    expect(tryProof(service, 0)).toBeUndefined() // interrupted: nothing published
    store.close()

    // Restart: the unfinished round is run again from its registrations.
    clock.t = 1200
    store = new PoetStore(dbPath)
    service = new PoetService(store, params, clock)
    service.start()
    await until(() => (service.executingRound === 0 ? true : undefined), 'round 0 to resume')
    clock.t = 1600
    const r0 = await until(() => tryProof(service, 0, a.challenge), 'proof of round 0')
    const proof = decodePoetProof(r0.stored.proof)
    expect(proof.leafCount).toBeGreaterThanOrEqual(POET_T)
    expect(r0.stored.statement).toEqual(buildMembershipTree(orderByNode([a, b])).root)
    verifyPoetProof(proof, r0.stored.statement)
    expect(r0.membership?.leafIndex).toBe(orderByNode([a, b]).findIndex((x) => x[0] === a.challenge[0]))

    // Round 1 (registered before the restart) runs on the next boundary; the clock jumping past
    // its end stops the work as soon as it has T leaves.
    clock.t = 2600
    const r1 = await until(() => tryProof(service, 1), 'proof of round 1')
    expect(r1.stored.leafCount).toBe(POET_T)
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
