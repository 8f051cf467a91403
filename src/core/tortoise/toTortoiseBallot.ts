/**
 * What the tortoise reads of a validated ballot (go-spacemesh `Ballot.ToTortoiseData`): the id,
 * layer, ATX, number of eligibility proofs, the reference data or the pointer to it, the signed
 * opinion hash and the unsigned votes.
 */
import type { Ballot } from '../mesh/ballotCodec.ts'
import type { TortoiseBallot } from './Tortoise.ts'

export function toTortoiseBallot(ballot: Ballot, id: Uint8Array, malicious = false): TortoiseBallot {
  const { inner } = ballot
  const common = {
    id,
    layer: inner.layer,
    atxId: inner.atxId,
    eligibilities: ballot.eligibilityProofs.length,
    opinionHash: inner.opinionHash,
    votes: ballot.votes,
    malicious,
  }
  return inner.epochData === undefined
    ? { ...common, refBallot: inner.refBallot }
    : {
        ...common,
        epochData: { beacon: inner.epochData.beacon, eligibilityCount: inner.epochData.eligibilityCount },
      }
}
