import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bytesToHex } from '@noble/hashes/utils.js'
import { afterAll, describe, expect, it } from 'vitest'
import { publicKeyFromSeed, SigningDomain, signMessage } from '../../src/core/crypto/index.ts'
import {
  buildMembershipTree,
  POET_T,
  verifyMembershipProof,
  verifyPoetProof,
  verifyRegistrationPow,
} from '../../src/core/poet/index.ts'
import { PoetClient, PoetClientError } from './PoetClient.ts'
import type { PoetServiceParams } from './PoetService.ts'
import { PoetStore } from './PoetStore.ts'
import { type RunningPoetService, startPoetService } from './startPoetService.ts'

const dir = mkdtempSync(join(tmpdir(), 'poet-'))
const dbPath = join(dir, 'poet.sqlite')
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// Real time plus an offset the test moves: round 0 takes registrations for a minute, which the
// test cuts short by jumping to its start; then 1.5 s of real sequential work follow.
const clock = {
  offset: 0,
  frozen: undefined as number | undefined,
  now: () => clock.frozen ?? Date.now() + clock.offset,
}
const params: PoetServiceParams = {
  genesisMs: Date.now(),
  phaseShiftMs: 60_000,
  epochDurationMs: 61_500,
  cycleGapMs: 60_000,
  powDifficulty: 4,
  maxRoundMembers: 8,
}
const genesisId = new Uint8Array(20).fill(0xab)
const seeds = [3, 1, 2].map((k) => new Uint8Array(32).fill(k))
const challenges = seeds.map((_, k) => new Uint8Array(32).fill(0x40 + k))

async function failure(p: Promise<unknown>): Promise<{ status: number; code: string }> {
  try {
    await p
  } catch (err) {
    if (err instanceof PoetClientError) return { status: err.status, code: err.code }
    throw err
  }
  throw new Error('expected the request to fail')
}

async function raw(url: string, init?: RequestInit): Promise<{ status: number; code: string }> {
  const res = await fetch(url, init)
  const body = (await res.json()) as { error: { code: string } }
  return { status: res.status, code: body.error.code }
}

describe('PoET service over loopback HTTP', () => {
  let running: RunningPoetService
  let client: PoetClient
  const logs: { msg: string; fields: Record<string, unknown> }[] = []
  const log = (msg: string, fields: Record<string, unknown> = {}) => logs.push({ msg, fields })
  const start = async (checkpointEveryMs = 50) => {
    running = await startPoetService({ dbPath, port: 0, params, clock, log, checkpointEveryMs })
    client = new PoetClient(running.url)
  }

  it('registers challenges in the open round', async () => {
    await start()
    const info = await client.info()
    expect(info.openRound.round).toBe(0)
    expect(info.pow.difficulty).toBe(4)
    for (const [k, seed] of seeds.entries()) {
      const r = await client.register({ seed, genesisId, challenge: challenges[k]! })
      expect(r).toMatchObject({ round: 0, status: 'registered' })
    }
  })

  it('answers malformed or refused requests with a 4xx and a reason', async () => {
    const url = running.url
    const post = (body: string) => raw(`${url}/v1/submit`, { method: 'POST', body })
    expect(await post('{not json')).toEqual({ status: 400, code: 'BAD_JSON' })
    expect(await post('[]')).toEqual({ status: 400, code: 'BAD_JSON' })
    expect(await post(JSON.stringify({ challenge: 'zz' }))).toEqual({ status: 400, code: 'BAD_FIELD' })
    expect(await post('x'.repeat(20_000))).toEqual({ status: 413, code: 'BODY_TOO_LARGE' })
    expect(await raw(`${url}/v1/nowhere`)).toEqual({ status: 404, code: 'NOT_FOUND' })
    expect(await raw(`${url}/v1/submit`)).toEqual({ status: 405, code: 'METHOD_NOT_ALLOWED' })
    expect(await raw(`${url}/v1/proofs/abc`)).toEqual({ status: 400, code: 'BAD_FIELD' })
    expect(await failure(client.proof(0))).toEqual({ status: 404, code: 'PROOF_NOT_READY' })

    const { pow } = await client.info()
    const seed = new Uint8Array(32).fill(9)
    const pubkey = publicKeyFromSeed(seed)
    const challenge = new Uint8Array(32).fill(0x99)
    const good = {
      challenge: bytesToHex(challenge),
      pubkey: bytesToHex(pubkey),
      signature: bytesToHex(signMessage(seed, genesisId, SigningDomain.POET, challenge)),
      prefix: bytesToHex(new Uint8Array([...genesisId, SigningDomain.POET])),
      nonce: 0,
      powChallenge: pow.challenge,
    }
    let badNonce = 0
    while (verifyRegistrationPow(Buffer.from(pow.challenge, 'hex'), pubkey, challenge, badNonce, 4))
      badNonce++
    expect(await failure(client.submit({ ...good, nonce: badNonce }))).toEqual({
      status: 400,
      code: 'INVALID_POW',
    })
    const otherSig = bytesToHex(signMessage(seed, genesisId, SigningDomain.POET, new Uint8Array(32)))
    expect(await failure(client.submit({ ...good, signature: otherSig }))).toEqual({
      status: 400,
      code: 'INVALID_SIGNATURE',
    })
    expect(await failure(client.submit({ ...good, powChallenge: '00'.repeat(32) }))).toEqual({
      status: 400,
      code: 'STALE_POW_CHALLENGE',
    })
    expect(
      await failure(client.register({ seed, genesisId, challenge, deadlineMs: params.genesisMs })),
    ).toEqual({
      status: 412,
      code: 'DEADLINE_PASSED',
    })
    // The first node tries to swap its challenge.
    expect(await failure(client.register({ seed: seeds[0]!, genesisId, challenge }))).toEqual({
      status: 409,
      code: 'CONFLICTING_REGISTRATION',
    })
  })

  it('keeps registrations and its identity across a restart', async () => {
    const pubkeyBefore = (await client.info()).servicePubkey
    await running.close()
    await start()
    const info = await client.info()
    expect(info.servicePubkey).toBe(pubkeyBefore)
    expect(info.openRound).toMatchObject({ round: 0, members: 3 })
    const again = await client.register({ seed: seeds[1]!, genesisId, challenge: challenges[1]! })
    expect(again.status).toBe('already-registered')
  })

  it('resumes round 0 on its worker from the checkpoint its stop saved', async () => {
    // Round 0 closes and its clock stands still inside the round, so the work runs until told.
    // No periodic checkpoint falls due before the restart: only close() can save one.
    await running.close()
    await start(600_000)
    const roundStart = params.genesisMs + params.phaseShiftMs
    clock.frozen = roundStart + 100
    const probe = new PoetStore(dbPath) // a second connection, reading the service's WAL
    let saved = 0
    try {
      const until = async (f: () => number | undefined, what: string) => {
        const giveUp = Date.now() + 20_000
        for (let v = f(); ; v = f()) {
          if (v !== undefined) return v
          if (Date.now() > giveUp) throw new Error(`timed out waiting for ${what}`)
          await new Promise((r) => setTimeout(r, 25))
        }
      }
      // The leaves' file gets its first buffer (LEAF_BUFFER_NODES leaves) written out.
      const leaves = join(`${dbPath}.rounds`, 'round-0', 'layer-00.bin')
      const onDisk = await until(() => {
        const n = existsSync(leaves) ? statSync(leaves).size / 32 : 0
        return n > 0 ? n : undefined
      }, 'leaves on disk')
      expect(probe.getCheckpoint(0)).toBeUndefined()
      await running.close()
      saved = probe.getCheckpoint(0)!.leafCount
      expect(saved).toBeGreaterThanOrEqual(onDisk)
      expect(logs.find((l) => l.msg === 'round stopped')?.fields).toEqual({
        round: 0,
        checkpointLeaves: saved,
      })
      await start()
      await until(
        () => ((probe.getCheckpoint(0)?.leafCount ?? 0) > saved ? 1 : undefined),
        'a checkpoint after the restart',
      )
      expect(probe.getProof(0)).toBeUndefined()
    } finally {
      probe.close()
    }
    const started = logs.filter((l) => l.msg === 'round started' && l.fields.round === 0)
    expect(started).toHaveLength(2)
    expect(started[0]!.fields.checkpointLeaves).toBe(0)
    expect(started[1]!.fields.checkpointLeaves).toBe(saved)
    clock.frozen = undefined
  })

  it('publishes a proof that verifies, with each member proven in its statement', async () => {
    clock.offset = params.genesisMs + params.phaseShiftMs + 1_500 - Date.now() // round 0 ends now
    let proof: Awaited<ReturnType<PoetClient['proof']>> | undefined
    const giveUp = Date.now() + 15_000
    while (proof === undefined && Date.now() < giveUp) {
      await new Promise((r) => setTimeout(r, 200))
      proof = await client.proof(0, challenges[0]).catch((err: unknown) => {
        if (err instanceof PoetClientError && err.code === 'PROOF_NOT_READY') return undefined
        throw err
      })
    }
    if (proof === undefined) throw new Error('no proof within 15 s')
    expect(proof.proof.leafCount).toBeGreaterThanOrEqual(POET_T)
    const resumedAt = logs.filter((l) => l.msg === 'round started' && l.fields.round === 0)[1]!.fields
      .checkpointLeaves as number
    const published = logs.find((l) => l.msg === 'proof published' && l.fields.round === 0)!.fields
    expect(published.resumedFrom).toBe(resumedAt)
    expect(proof.proof.leafCount).toBeGreaterThan(resumedAt)
    verifyPoetProof(proof.proof, proof.statement)
    // Members are ordered by node id (pubkey), not by registration order.
    const byNode = seeds
      .map((s, k) => ({ node: bytesToHex(publicKeyFromSeed(s)), challenge: challenges[k]! }))
      .sort((a, b) => (a.node < b.node ? -1 : 1))
    expect(proof.statement).toEqual(buildMembershipTree(byNode.map((m) => m.challenge)).root)
    for (const c of challenges) {
      const mine = await client.proof(0, c)
      verifyMembershipProof(mine.statement, c, mine.membership!)
    }
    expect(await failure(client.proof(0, new Uint8Array(32).fill(0x77)))).toEqual({
      status: 404,
      code: 'NOT_A_MEMBER',
    })
    // The PoW challenge rotated to the finished round's root.
    expect((await client.info()).pow.challenge).toBe(bytesToHex(proof.statement))

    // A crash between publishing and deleting the files leaves them behind; so does a round the
    // database no longer knows. The next start removes both and nothing else.
    await running.close()
    const rounds = `${dbPath}.rounds`
    for (const r of ['round-0', 'round-9']) {
      mkdirSync(join(rounds, r), { recursive: true })
      writeFileSync(join(rounds, r, 'layer-00.bin'), new Uint8Array(64))
    }
    writeFileSync(join(rounds, 'notes.txt'), 'kept')
    await start()
    expect(existsSync(join(rounds, 'round-0'))).toBe(false)
    expect(existsSync(join(rounds, 'round-9'))).toBe(false)
    expect(existsSync(join(rounds, 'notes.txt'))).toBe(true)
    expect(logs.filter((l) => l.msg === 'removed leftover round files').map((l) => l.fields)).toEqual([
      { round: 0, reason: 'proof published' },
      { round: 9, reason: 'unknown round' },
    ])
    const served = await client.proof(0)
    expect(served.proofBytes).toEqual(proof.proofBytes)
    await running.close()
  })
})
