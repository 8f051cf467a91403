/**
 * What the simulator knows of a participant: an id on the network, a start hook and a message
 * handler. Smeshers, the PoET, and later consensus nodes (beacon, hare, tortoise, blocks) or
 * byzantine actors all plug in through this one interface; each receives a `SimContext` when it
 * is built and drives its own pure state machines from it.
 */
import type { Rng } from './createRng.ts'
import type { Scheduler } from './Scheduler.ts'
import type { SimMessage, SimNetwork } from './SimNetwork.ts'

export interface SimContext {
  readonly scheduler: Scheduler
  readonly network: SimNetwork
  /** The actor's own stream, forked from the run's seed. */
  readonly rng: Rng
}

export interface SimActor {
  readonly id: string
  start(): void
  onMessage(from: string, message: SimMessage): void
}

/** Topics the activation simulation gossips on (go-spacemesh `pubsub.AtxProtocol` is "ax1"). */
export const SimTopic = { ATX: 'ax1', POET_PROOF: 'poet-proof', MALFEASANCE: 'mp1' } as const
