/** The PoET service and its client (see ARCHITECTURE.md "PoET"). */
export { PoetClient, PoetClientError, type PoetRoundProof } from './PoetClient.ts'
export type { PoetClock, PoetServiceParams } from './PoetService.ts'
export type {
  PoetInfoJson,
  ProofResponseJson,
  SubmitRequestJson,
  SubmitResponseJson,
} from './poetApiTypes.ts'
export {
  poetParamsFromPreset,
  type RunningPoetService,
  type StartPoetServiceOptions,
  startPoetService,
} from './startPoetService.ts'
