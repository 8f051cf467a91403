/**
 * The deterministic simulator: seeded PRNG, virtual-time scheduler, in-memory gossip with
 * scenario hooks, the actor interface, and the activation scenario (smeshers + PoET).
 */
export * from './createRng.ts'
export * from './runActivationSim.ts'
export * from './Scheduler.ts'
export * from './SimActor.ts'
export * from './SimNetwork.ts'
export * from './SimPoet.ts'
export * from './SimSmesherNode.ts'
export * from './summarizeActivationSim.ts'
export * from './verifyPoetMessage.ts'
