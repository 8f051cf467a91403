/**
 * The votes a node puts in its next ballot (go-spacemesh `tortoise.go` EncodeVotes /
 * encodeVotes / getFullVote; protocol-spec §9.2): pick a base ballot — newest layer first,
 * ballots that share our history first so the diff is small — and list where our opinion
 * differs from it. Our vote on a block: against when we lack its data; Hare within hdist; the
 * decided validity; else the sign of its margin if past the local threshold; else the weak coin
 * of the previous layer. Layers whose Hare has not finished are abstained.
 */
import type { Fixed } from '../fixed/Fixed.ts'
import type { Vote, Votes } from '../mesh/ballotCodec.ts'
import { decodeVoteList } from './decodeVotes.ts'
import { TortoiseError } from './TortoiseError.ts'
import {
  type BallotInfo,
  type BlockInfo,
  blockVote,
  crossesThreshold,
  getLocalVote,
  type LayerInfo,
  type Sign,
  type TortoiseConfig,
} from './TortoiseState.ts'

export interface EncodeContext {
  readonly config: TortoiseConfig
  readonly genesis: number
  readonly evicted: number
  readonly verified: number
  readonly localThreshold: Fixed
  layer(lid: number): LayerInfo
  localOpinion(lid: number): Uint8Array | undefined
}

type Base = Pick<BallotInfo, 'id' | 'layer' | 'votes' | 'malicious'>

const equal = (a: Uint8Array | undefined, b: Uint8Array | undefined): boolean =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i])
const header = (b: BlockInfo): Vote => ({ id: b.id, layer: b.layer, height: b.height })

export function encodeTortoiseVotes(
  ctx: EncodeContext,
  current: number,
): { votes: Votes; opinionHash: Uint8Array } {
  let lastError: TortoiseError | undefined
  for (let lid = current - 1; lid > ctx.evicted; lid--) {
    let choices: Base[]
    if (lid === ctx.genesis)
      choices = [{ id: new Uint8Array(20), layer: ctx.genesis, votes: undefined, malicious: false }]
    else {
      const ours = ctx.localOpinion(lid - 1)
      const good = (b: BallotInfo) => equal(b.votes?.opinion, ours)
      choices = [...ctx.layer(lid).ballots]
        .filter((b) => !b.malicious)
        .sort((a, b) => (good(a) !== good(b) ? (good(a) ? -1 : 1) : a.key < b.key ? -1 : 1))
    }
    for (const base of choices) {
      try {
        return encodeAgainst(ctx, base, current)
      } catch (err) {
        if (!(err instanceof TortoiseError)) throw err
        lastError = err
      }
    }
  }
  throw lastError ?? new TortoiseError('NO_BASE_BALLOT', 'no ballot within the window')
}

function fullVote(ctx: EncodeContext, current: number, block: BlockInfo): Sign {
  if (!block.data) return -1
  const local = getLocalVote(ctx.config, ctx.verified, current, block)
  if (local !== 0) return local
  const byMargin = crossesThreshold(block.margin, ctx.localThreshold)
  if (byMargin !== 0) return byMargin
  const coin = ctx.layer(current - 1).coinflip
  if (coin === 0) throw new TortoiseError('NO_COINFLIP', `no weak coin for layer ${current - 1}`)
  return coin
}

function encodeAgainst(
  ctx: EncodeContext,
  base: Base,
  current: number,
): { votes: Votes; opinionHash: Uint8Array } {
  const votes: Votes = { base: base.id, support: [], against: [], abstain: [] }
  for (let lv = base.votes; lv !== undefined && lv.layer > ctx.evicted; lv = lv.prev) {
    const layer = ctx.layer(lv.layer)
    if (lv.abstain && layer.hareTerminated)
      throw new TortoiseError('NO_BASE_BALLOT', `base abstains on decided layer ${lv.layer}`)
    if (!layer.hareTerminated) {
      if (!lv.abstain) votes.abstain.push(lv.layer)
      continue
    }
    for (const block of layer.blocks) {
      const vote = fullVote(ctx, current, block)
      if (vote === blockVote(lv, block)) continue
      if (vote === 1) votes.support.push(header(block))
      else votes.against.push(header(block))
    }
  }
  for (let lid = base.layer; lid < current; lid++) {
    const layer = ctx.layer(lid)
    if (!layer.hareTerminated) {
      votes.abstain.push(lid)
      continue
    }
    for (const block of layer.blocks)
      if (fullVote(ctx, current, block) === 1) votes.support.push(header(block))
  }
  const exceptions = votes.support.length + votes.against.length
  if (exceptions > ctx.config.maxExceptions)
    throw new TortoiseError('TOO_MANY_EXCEPTIONS', `${exceptions} > ${ctx.config.maxExceptions}`)
  const decoded = decodeVoteList({
    genesis: ctx.genesis,
    baseLayer: base.layer,
    baseVotes: base.votes,
    ballotLayer: current,
    exceptions: votes,
  })
  return { votes, opinionHash: decoded.tail?.opinion ?? new Uint8Array(32) }
}
