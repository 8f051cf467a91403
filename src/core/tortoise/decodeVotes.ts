/**
 * A ballot's full opinion from its base ballot and exceptions (go-spacemesh `tortoise/state.go`
 * decodeVotes, `ballot.go` Votes doc; protocol-spec §9.2):
 *
 * - layers before the base ballot's layer: the base ballot's votes, changed where an exception
 *   names the layer (against removes a supported block, support adds one, abstain replaces it);
 * - layers from the base ballot's layer to the ballot's: against everything ("no explicit vote
 *   is against", which stops late ballots from rewriting history), except listed support and
 *   abstain.
 *
 * Every layer's vote is chained into an opinion hash; the last one must equal the OpinionHash
 * the ballot signed, which is what binds the unsigned votes to the signature.
 */
import type { Votes } from '../mesh/ballotCodec.ts'
import { computeOpinionHash } from './computeOpinionHash.ts'
import { TortoiseError } from './TortoiseError.ts'
import type { LayerVote } from './TortoiseState.ts'

type Entry = { key: string; id: Uint8Array; height: bigint; support: boolean }

export const blockKey = (id: Uint8Array): string =>
  Array.from(id, (x) => x.toString(16).padStart(2, '0')).join('')

export interface DecodeVotesInput {
  readonly genesis: number
  readonly baseLayer: number
  /** The base ballot's vote on baseLayer − 1 (earlier ones through `prev`). */
  readonly baseVotes: LayerVote | undefined
  readonly ballotLayer: number
  readonly exceptions: Votes
}

/** `tail` = the vote on ballotLayer − 1; `from` = the first layer that was (re)built. */
export function decodeVoteList(input: DecodeVotesInput): { tail: LayerVote | undefined; from: number } {
  const { genesis, baseLayer, baseVotes, ballotLayer, exceptions } = input
  const diff = new Map<number, Map<string, Entry>>()
  let from = baseLayer
  const add = (layer: number, entry: Entry | undefined): void => {
    if (layer < genesis || layer >= ballotLayer)
      throw new TortoiseError(
        'CONFLICTING_VOTES',
        `vote on layer ${layer} outside [${genesis}, ${ballotLayer})`,
      )
    from = Math.min(from, layer)
    let layerDiff = diff.get(layer)
    if (entry === undefined) {
      if (layerDiff !== undefined)
        throw new TortoiseError('CONFLICTING_VOTES', `layer ${layer} abstained and voted`)
      diff.set(layer, new Map())
      return
    }
    if (layerDiff === undefined) diff.set(layer, (layerDiff = new Map()))
    else if (layerDiff.size === 0)
      throw new TortoiseError('CONFLICTING_VOTES', `layer ${layer} abstained and voted`)
    if (layerDiff.has(entry.key))
      throw new TortoiseError('CONFLICTING_VOTES', `block ${entry.key} voted twice`)
    layerDiff.set(entry.key, entry)
  }
  for (const v of exceptions.against)
    add(v.layer, { key: blockKey(v.id), id: v.id, height: v.height, support: false })
  for (const v of exceptions.support)
    add(v.layer, { key: blockKey(v.id), id: v.id, height: v.height, support: true })
  for (const l of exceptions.abstain) add(l, undefined)

  // The base's votes before `from` are kept as they are (shared); [from, baseLayer) is rebuilt.
  const rebuilt: (LayerVote | undefined)[] = []
  let tail = baseVotes
  while (tail !== undefined && tail.layer >= from) {
    if (tail.layer < baseLayer) rebuilt[tail.layer - from] = tail
    tail = tail.prev
  }
  const push = (layer: number, abstain: boolean, support: LayerVote['support']): void => {
    const opinion = computeOpinionHash(
      tail?.opinion,
      abstain ? { abstain: true } : { abstain: false, support },
    )
    tail = { prev: tail, layer, abstain, support, opinion }
  }
  for (let lid = from; lid < ballotLayer; lid++) {
    const layerDiff = diff.get(lid)
    const base = rebuilt[lid - from]
    if (layerDiff !== undefined && layerDiff.size === 0) push(lid, true, [])
    else if (layerDiff === undefined) push(lid, base?.abstain ?? false, base?.support ?? [])
    else {
      const kept = (base?.support ?? []).filter((s) => !layerDiff.has(s.key))
      const added = [...layerDiff.values()]
        .filter((e) => e.support)
        .map(({ key, id, height }) => ({ key, id, height }))
      push(lid, false, [...kept, ...added])
    }
  }
  return { tail, from }
}

/** The same as an array, index = layer − genesis (for callers that want every layer). */
export function decodeVotes(
  input: Omit<DecodeVotesInput, 'baseVotes'> & { readonly baseVotes: readonly LayerVote[] },
): LayerVote[] {
  const { tail } = decodeVoteList({ ...input, baseVotes: input.baseVotes[input.baseVotes.length - 1] })
  const out: LayerVote[] = []
  for (let v = tail; v !== undefined; v = v.prev) out.push(v)
  return out.reverse()
}
