/**
 * Vote sanity of a ballot (go-spacemesh `proposals/handler.go` checkVotesConsistency and the
 * tortoise's `decodeVotes`): the base ballot is known (or empty = genesis) and older than the
 * ballot; exceptions are bounded by MaxExceptions, point to known blocks of earlier layers, and
 * never name a block or an abstained layer twice. A ballot that passes can still be "bad" for
 * the tortoise: this is only what can be checked without an opinion.
 */
import type { Ballot } from './ballotCodec.ts'
import { MeshError } from './MeshError.ts'
import type { BallotValidationContext } from './validateBallot.ts'

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')

export function checkVotes(ballot: Ballot, ctx: BallotValidationContext): void {
  const { votes } = ballot
  const layer = ballot.inner.layer
  if (!votes.base.every((x) => x === 0)) {
    const base = ctx.getBallot(votes.base)
    if (base === undefined) throw new MeshError('UNKNOWN_BASE_BALLOT', `base ${hex(votes.base)} not known`)
    if (base.layer >= layer) throw new MeshError('BASE_NOT_BEFORE', `base in layer ${base.layer} ≥ ${layer}`)
  }
  const exceptions = votes.support.length + votes.against.length
  if (exceptions > ctx.maxExceptions)
    throw new MeshError('TOO_MANY_EXCEPTIONS', `${exceptions} > ${ctx.maxExceptions}`)
  const seen = new Set<string>()
  const votedLayers = new Set<number>()
  for (const vote of [...votes.support, ...votes.against]) {
    if (vote.layer >= layer) throw new MeshError('VOTE_NOT_BEFORE', `vote on layer ${vote.layer} ≥ ${layer}`)
    const key = hex(vote.id)
    if (seen.has(key)) throw new MeshError('CONFLICTING_VOTES', `block ${key} voted twice`)
    seen.add(key)
    votedLayers.add(vote.layer)
    const block = ctx.getBlock(vote.id)
    if (block === undefined) throw new MeshError('UNKNOWN_BLOCK', `block ${key} not known`)
    if (block.layer !== vote.layer || block.height !== vote.height)
      throw new MeshError('CONFLICTING_VOTES', `vote header for ${key} does not match the block`)
  }
  const abstained = new Set<number>()
  for (const l of votes.abstain) {
    if (l >= layer) throw new MeshError('VOTE_NOT_BEFORE', `abstain on layer ${l} ≥ ${layer}`)
    if (abstained.has(l) || votedLayers.has(l))
      throw new MeshError('CONFLICTING_VOTES', `layer ${l} voted twice`)
    abstained.add(l)
  }
}
