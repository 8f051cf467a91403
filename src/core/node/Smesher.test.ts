import { bytesToHex } from '@noble/hashes/utils.js'
import { describe, expect, it } from 'vitest'
import type { AtxHeader } from '../activation/AtxHeader.ts'
import { EMPTY_ATX_ID } from '../activation/atxCodec.ts'
import { computeAtxId } from '../activation/computeAtxId.ts'
import { computeChallengeHash } from '../activation/computeChallengeHash.ts'
import { atxSignedBytes } from '../activation/signAtx.ts'
import { SigningDomain, verifySignature } from '../crypto/index.ts'
import { sim } from '../params/presets.ts'
import { computeSmesherSchedule } from './computeSmesherSchedule.ts'
import { Smesher } from './Smesher.ts'
import type { SmesherEffect } from './SmesherMessages.ts'

const golden = new Uint8Array(32).fill(0x47)
const genesisId = new Uint8Array(20).fill(0x16)
const initialPost = { nonce: 1, indices: new Uint8Array([1, 2, 3]), pow: 9n }
const membership = { nodes: [new Uint8Array(32).fill(4)], leafIndex: 1n }
const ref = new Uint8Array(32).fill(0x52)
const s1 = computeSmesherSchedule(1, 0, sim)
const s2 = computeSmesherSchedule(2, 0, sim)

function make() {
  return new Smesher({
    seed: new Uint8Array(32).fill(1),
    genesisId,
    goldenAtxId: golden,
    genesisMs: 0,
    coinbase: new Uint8Array(24).fill(3),
    numUnits: 2,
    labelsPerUnit: sim.post.labelsPerUnit,
    preset: sim,
    poets: ['a', 'b'],
  })
}

const only = <K extends SmesherEffect['kind']>(effects: SmesherEffect[], kind: K) =>
  effects.filter((e): e is Extract<SmesherEffect, { kind: K }> => e.kind === kind)

function header(id: Uint8Array, smesherId: Uint8Array, publishEpoch: number, tickHeight: bigint): AtxHeader {
  return {
    id,
    smesherId,
    publishEpoch,
    sequence: 0n,
    prevAtxId: EMPTY_ATX_ID,
    positioningAtxId: golden,
    commitmentAtxId: golden,
    numUnits: 1,
    effectiveNumUnits: 1,
    vrfNonce: 0n,
    baseTickHeight: 0n,
    tickCount: tickHeight,
    tickHeight,
    weight: tickHeight,
    signature: new Uint8Array(64),
  }
}

describe('Smesher epoch loop', () => {
  it('registers before the round, retries a failing PoET, proves and publishes in the epoch', () => {
    const m = make()
    const [init] = m.start(0)
    expect(init).toEqual({ kind: 'initPost', commitmentAtxId: golden, numUnits: 2 })
    let fx = m.onEvent({ kind: 'postInitialized', commitmentAtxId: golden, vrfNonce: 7n, initialPost }, 500)
    expect(fx).toEqual([{ kind: 'wakeAt', timeMs: s1.registerAtMs }])

    fx = m.onTick(s1.registerAtMs)
    const regs = only(fx, 'registerPoet')
    expect(regs.map((r) => r.poetId)).toEqual(['a', 'b'])
    const challenge = {
      publishEpoch: 1,
      sequence: 0n,
      prevAtxId: EMPTY_ATX_ID,
      positioningAtxId: golden,
      commitmentAtxId: golden,
      initialPost,
    }
    expect(bytesToHex(regs[0]!.challengeHash)).toBe(bytesToHex(computeChallengeHash(challenge)))
    expect(regs[0]).toMatchObject({ round: 0, deadlineMs: s1.roundStartMs })

    m.onEvent({ kind: 'poetRegistered', poetId: 'a', round: 0 }, s1.registerAtMs + 10)
    let now = s1.registerAtMs + 10
    // 'b' fails every time: retried after RequestRetryDelay, MaxRequestRetries times, then dropped.
    for (let i = 0; i <= sim.atx.poetMaxRetries; i++) {
      fx = m.onEvent({ kind: 'poetRegistrationFailed', poetId: 'b', round: 0, reason: 'down' }, now)
      if (i === sim.atx.poetMaxRetries) break
      expect(only(fx, 'wakeAt').map((w) => w.timeMs)).toContain(now + sim.atx.poetRetryDelayMs)
      now += sim.atx.poetRetryDelayMs
      expect(only(m.onTick(now), 'registerPoet').map((r) => r.poetId)).toEqual(['b'])
    }
    expect(m.phaseName).toBe('awaitingRound')
    expect(only(fx, 'wakeAt').at(-1)?.timeMs).toBe(s1.roundEndMs)

    fx = m.onTick(s1.roundEndMs)
    expect(only(fx, 'fetchPoetProof').map((f) => f.poetId)).toEqual(['a'])
    fx = m.onEvent({ kind: 'poetProofUnavailable', poetId: 'a', round: 0, reason: 'not yet' }, s1.roundEndMs)
    expect(only(m.onTick(s1.roundEndMs + sim.atx.poetRetryDelayMs), 'fetchPoetProof')).toHaveLength(1)
    fx = m.onEvent(
      { kind: 'poetProof', poetId: 'a', round: 0, ref, leafCount: 200n, membership },
      s1.roundEndMs + 150,
    )
    expect(only(fx, 'provePost')).toEqual([
      { kind: 'provePost', challenge: ref, commitmentAtxId: golden, numUnits: 2 },
    ])

    const post = { nonce: 3, indices: new Uint8Array([9]), pow: 1n }
    fx = m.onEvent({ kind: 'postProved', challenge: ref, proof: post }, s1.roundEndMs + 400)
    const [pub] = only(fx, 'publishAtx')
    const atx = pub!.atx
    expect(atx.inner).toMatchObject({ challenge, numUnits: 2, nodeId: m.nodeId, vrfNonce: 7n })
    expect(atx.inner.nipost).toEqual({
      membership,
      post,
      postMetadata: { challenge: ref, labelsPerUnit: 64n },
    })
    const signed = atxSignedBytes(1, computeAtxId(atx.inner))
    expect(verifySignature(m.nodeId, genesisId, SigningDomain.ATX, signed, atx.signature)).toBe(true)
    expect(only(fx, 'wakeAt').at(-1)?.timeMs).toBe(s2.registerAtMs)

    // Epoch 2 chains on the published ATX and positions on the highest known tick height.
    const ownId = computeAtxId(atx.inner)
    m.onAtxAccepted(header(ownId, m.nodeId, 1, 12n))
    const other = new Uint8Array(32).fill(0x99)
    m.onAtxAccepted(header(other, new Uint8Array(32).fill(8), 1, 13n))
    const reg2 = only(m.onTick(s2.registerAtMs), 'registerPoet')[0]!
    const challenge2 = {
      publishEpoch: 2,
      sequence: 1n,
      prevAtxId: ownId,
      positioningAtxId: other,
      commitmentAtxId: undefined,
      initialPost: undefined,
    }
    expect(reg2.round).toBe(1)
    expect(bytesToHex(reg2.challengeHash)).toBe(bytesToHex(computeChallengeHash(challenge2)))
  })

  it('gives up an epoch no PoET accepts and one whose PoST ends after the publish window', () => {
    const m = make()
    m.start(0)
    m.onEvent({ kind: 'postInitialized', commitmentAtxId: golden, vrfNonce: 7n, initialPost }, 0)
    m.onTick(s1.registerAtMs)
    // No answer from either PoET before the round opens.
    let fx = m.onTick(s1.roundStartMs)
    expect(only(fx, 'epochMissed')).toEqual([
      { kind: 'epochMissed', publishEpoch: 1, reason: 'no PoET accepted the registration' },
    ])
    expect(m.phaseName).toBe('waiting')
    fx = m.onTick(s2.registerAtMs)
    for (const poetId of ['a', 'b']) m.onEvent({ kind: 'poetRegistered', poetId, round: 1 }, s2.registerAtMs)
    m.onTick(s2.roundEndMs)
    for (const poetId of ['a', 'b']) {
      const leafCount = poetId === 'a' ? 100n : 300n
      fx = m.onEvent(
        {
          kind: 'poetProof',
          poetId,
          round: 1,
          ref: new Uint8Array(32).fill(leafCount === 300n ? 3 : 1),
          leafCount,
          membership,
        },
        s2.roundEndMs,
      )
    }
    // The proof with the most leaves wins.
    const prove = only(fx, 'provePost')[0]!
    expect(prove.challenge[0]).toBe(3)
    fx = m.onEvent({ kind: 'postProved', challenge: prove.challenge, proof: initialPost }, s2.publishEndMs)
    expect(only(fx, 'publishAtx')).toHaveLength(0)
    expect(only(fx, 'epochMissed')[0]?.reason).toBe('PoST finished after the publish epoch')
  })
})
