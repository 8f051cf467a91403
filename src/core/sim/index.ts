/**
 * The deterministic simulator: seeded PRNG, virtual-time scheduler, in-memory gossip with
 * scenario hooks, the actor interface, the activation scenario (smeshers + PoET) and the
 * consensus scenario on top (proposals, Hare, certificates, blocks, Tortoise, VM per smesher).
 */
export * from './createRng.ts'
export * from './runActivationSim.ts'
export * from './runConsensusSim.ts'
export * from './Scheduler.ts'
export * from './SimActor.ts'
export * from './SimConsensusNode.ts'
export * from './SimConsensusShared.ts'
export * from './SimLedger.ts'
export * from './SimNetwork.ts'
export * from './SimPoet.ts'
export * from './SimSmesherNode.ts'
export * from './SimTxGenerator.ts'
export * from './summarizeActivationSim.ts'
export * from './summarizeConsensusSim.ts'
export * from './verifyPoetMessage.ts'
