/**
 * In-memory gossip for the simulator: a broadcast reaches every other actor after a delay drawn
 * from the network's own seeded stream. Scenario hooks sit on the one path every message takes,
 * so partitions (drop by sender/receiver) and byzantine rewriting (replace or duplicate what an
 * actor sends) need no change to the actors.
 */
import type { Rng } from './createRng.ts'
import type { Scheduler } from './Scheduler.ts'

export interface SimMessage {
  readonly topic: string
  readonly data: Uint8Array
}

export interface SimNetworkHooks {
  /** Rewrites what `from` sends: return [] to drop, several messages to equivocate. */
  outgoing?(from: string, message: SimMessage): SimMessage[]
  /** false drops the message on the link from → to (a partition). */
  link?(from: string, to: string, message: SimMessage): boolean
}

export type Deliver = (from: string, message: SimMessage) => void

export class SimNetwork {
  private readonly peers = new Map<string, Deliver>()
  delivered = 0
  dropped = 0

  constructor(
    private readonly scheduler: Scheduler,
    private readonly rng: Rng,
    readonly delayMs: { readonly min: number; readonly max: number },
    readonly hooks: SimNetworkHooks = {},
  ) {}

  join(id: string, deliver: Deliver): void {
    if (this.peers.has(id)) throw new RangeError(`peer ${id} already joined`)
    this.peers.set(id, deliver)
  }

  /** Gossips to every peer except the sender (its own copy is the sender's business). */
  broadcast(from: string, message: SimMessage): void {
    const messages = this.hooks.outgoing?.(from, message) ?? [message]
    for (const m of messages) {
      for (const [to, deliver] of this.peers) {
        if (to === from) continue
        if (this.hooks.link !== undefined && !this.hooks.link(from, to, m)) {
          this.dropped++
          continue
        }
        const delay = this.delayMs.min + this.rng.nextInt(this.delayMs.max - this.delayMs.min + 1)
        this.scheduler.at(this.scheduler.now + delay, () => {
          this.delivered++
          deliver(from, m)
        })
      }
    }
  }
}
