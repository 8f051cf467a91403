/**
 * The shape every room's validation error shares (CONVENTIONS 9): one named class per room, one
 * code per failed rule, and the gossip verdict that code carries in the room's own table. Each
 * subclass keeps its `name`, its code union, its verdict table (beside the rules it documents)
 * and its message format; this class only wires code → verdict.
 */
import type { GossipVerdict } from './GossipVerdict.ts'

export abstract class ValidationError<
  Code extends string,
  Verdict extends GossipVerdict = GossipVerdict,
> extends Error {
  readonly verdict: Verdict
  constructor(
    readonly code: Code,
    message: string,
    verdicts: Readonly<Record<Code, Verdict>>,
  ) {
    super(message)
    this.verdict = verdicts[code]
  }
}
