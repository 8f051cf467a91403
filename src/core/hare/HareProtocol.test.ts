/**
 * Scripted runs of the bare protocol (no signatures, no VRFs): five members with one seat each,
 * threshold 3, every message delivered on time to everyone. Checks the round-by-round outputs
 * hare3 specifies, and what late preround values may and may not do.
 */
import { describe, expect, it } from 'vitest'
import { HareProtocol, type HareProtocolOutput } from './HareProtocol.ts'
import type { HareMessage } from './hareMessageCodec.ts'
import { Round } from './hareRounds.ts'

const id = (n: number) => new Uint8Array(20).fill(n)
const sender = (n: number) => new Uint8Array(32).fill(n)

function asMessage(from: number, out: NonNullable<HareProtocolOutput['message']>): HareMessage {
  const proof = new Uint8Array(80)
  proof[79] = from // distinct VRFs: member 0 is the smallest, so the leader
  return {
    body: {
      layer: 1,
      iter: out.iter,
      round: out.round,
      value: { proposals: out.proposals, reference: out.reference },
      eligibility: { proof, count: 1 },
    },
    sender: sender(from),
    signature: new Uint8Array(64),
  }
}

function deliver(nodes: HareProtocol[], msg: HareMessage, only?: number[]): void {
  nodes.forEach((n, i) => {
    if (only && !only.includes(i)) return
    n.onInput({
      message: msg,
      msgHash: new Uint8Array(32).fill(msg.body.round + 16 * msg.body.iter),
      atxGrade: 5,
      malicious: false,
    })
  })
}

function tick(nodes: HareProtocol[]): HareProtocolOutput[] {
  const outs = nodes.map((n) => n.next())
  outs.forEach((o, i) => {
    if (o.message) deliver(nodes, asMessage(i, o.message))
  })
  return outs
}

describe('HareProtocol', () => {
  it('decides at the hardlock of iteration 1 and terminates one iteration later', () => {
    const nodes = Array.from({ length: 5 }, () => new HareProtocol(3))
    for (const n of nodes) n.onInitial([id(2), id(1)])
    const rounds: string[] = []
    let decidedAt = ''
    let terminatedAt = ''
    for (let t = 0; t < 20 && terminatedAt === ''; t++) {
      const { iter, round } = nodes[0]!.current
      const outs = tick(nodes)
      const o = outs[0]!
      if (o.message) rounds.push(`${o.message.iter}:${o.message.round}`)
      if (o.result) {
        decidedAt = `${iter}:${round}`
        expect(o.result).toEqual([id(1), id(2)])
        for (const other of outs) expect(other.result).toEqual(o.result)
      }
      if (o.terminated) terminatedAt = `${iter}:${round}`
    }
    // preround, then propose / commit / notify of iteration 0, and again in iteration 1
    expect(rounds.slice(0, 4)).toEqual(['0:0', '0:3', '0:6', '0:7'])
    expect(decidedAt).toBe(`1:${Round.HARDLOCK}`)
    expect(terminatedAt).toBe(`2:${Round.HARDLOCK}`)
  })

  it('keeps a value that reached only two members in the preround out of the proposal', () => {
    const nodes = Array.from({ length: 5 }, () => new HareProtocol(3))
    for (const n of nodes) n.onInitial([id(1)])
    const outs = nodes.map((n) => n.next()) // preround
    outs.forEach((o, i) => {
      deliver(nodes, asMessage(i, o.message!))
    })
    // one member also pushes id(9), seen by two members only: its tally (1) stays under 3
    const extra = asMessage(4, {
      iter: 0,
      round: Round.PREROUND,
      proposals: [id(1), id(9)],
      reference: undefined,
    })
    deliver(nodes, { ...extra, sender: sender(9) }, [0, 1])
    tick(nodes) // softlock
    const propose = tick(nodes)
    for (const o of propose) expect(o.message?.proposals).toEqual([id(1)])
  })

  it('agrees on the empty set when the preround seats stay under the threshold', () => {
    // Only members 0 and 1 hold a preround seat (2 < threshold 3); all five are seated later.
    // This is how the sim preset's 20-seat committee yields an empty layer now and then: the
    // honest preround seats are a binomial draw that sometimes falls below 11.
    const nodes = Array.from({ length: 5 }, () => new HareProtocol(3))
    for (const n of nodes) n.onInitial([id(1)])
    const pre = nodes.map((n) => n.next())
    for (const i of [0, 1]) deliver(nodes, asMessage(i, pre[i]!.message!))
    let result: Uint8Array[][] | undefined
    for (let t = 0; t < 12 && result === undefined; t++) {
      const outs = tick(nodes)
      if (outs[0]!.message?.round === Round.PROPOSE)
        for (const o of outs) expect(o.message?.proposals).toEqual([])
      if (outs[0]!.result) result = outs.map((o) => o.result!)
    }
    expect(result).toEqual(Array(5).fill([]))
  })

  it('emits the weak coin once, from the smallest preround proof', () => {
    const nodes = Array.from({ length: 3 }, () => new HareProtocol(2))
    for (const n of nodes) n.onInitial([id(1)])
    const first = tick(nodes)
    expect(first.every((o) => o.coin === undefined)).toBe(true)
    const second = tick(nodes)
    // member 0's proof is all zero but its last byte: LSB of byte 0 is 0
    expect(second.map((o) => o.coin)).toEqual([false, false, false])
    expect(tick(nodes).every((o) => o.coin === undefined)).toBe(true)
  })
})
