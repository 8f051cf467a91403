/**
 * JSON shapes of the PoET HTTP API, shared by the server and PoetClient. Byte fields are hex on
 * output; requests accept hex or base64. Times are unix milliseconds.
 *
 *   GET  /v1/info                          → PoetInfoJson
 *   POST /v1/submit      SubmitRequestJson → SubmitResponseJson
 *   GET  /v1/proofs/{round}[?member=<challenge>] → ProofResponseJson
 *   errors: 4xx/5xx with ErrorJson
 */
export interface PoetInfoJson {
  servicePubkey: string
  genesisMs: number
  epochDurationMs: number
  phaseShiftMs: number
  cycleGapMs: number
  /** The round accepting registrations now. */
  openRound: { round: number; startMs: number; endMs: number; members: number }
  /** The round whose sequential work is running, if any. */
  executingRound: number | null
  pow: { challenge: string; difficulty: number }
}

export interface SubmitRequestJson {
  /** The smesher's 32-byte PoET challenge. */
  challenge: string
  /** Node id: ed25519 public key, 32 bytes. */
  pubkey: string
  /** ed25519 over prefix ‖ challenge, 64 bytes. */
  signature: string
  /** genesisId (20 bytes) ‖ signing domain POET (4), as go-spacemesh sends it. */
  prefix: string
  /** Registration PoW nonce for the current or previous pow challenge. */
  nonce: number
  powChallenge: string
  /** Refuse if the open round's work would end after this time. */
  deadlineMs?: number
}

export interface SubmitResponseJson {
  round: number
  roundStartMs: number
  roundEndMs: number
  status: 'registered' | 'already-registered'
}

export interface ProofResponseJson {
  round: number
  /** Membership root = the statement the sequential work was salted with. */
  statement: string
  /** SCALE `PoetProof` (go-spacemesh types.PoetProof). */
  proof: string
  leafCount: number
  memberCount: number
  servicePubkey: string
  /** Present when `?member=` named a registered challenge. */
  membership?: { leafIndex: number; nodes: string[] }
}

export interface ErrorJson {
  error: { code: string; message: string }
}
