/**
 * Why a PoET proof or a membership proof was refused: one `code` per failure, compared by
 * `code`, with a message naming what was expected and what arrived. Any of the proof codes makes
 * the carrying ATX invalid (gossip verdict REJECT); the `CHECKPOINT_*` codes refuse a prover
 * checkpoint, which the service then discards and restarts the round's work from leaf 0.
 */
export type PoetProofErrorCode =
  | 'BAD_STATEMENT' // the statement is not 32 bytes
  | 'BAD_NODE_LENGTH' // root, label or sibling not 32 bytes
  | 'LEAF_COUNT_OUT_OF_RANGE' // leafCount below t or above MAX_LEAF_COUNT
  | 'LEAF_COUNT_MISMATCH' // the proof claims another leaf count than the caller expects
  | 'WRONG_PROVEN_LEAF_COUNT' // not exactly t opened leaves
  | 'PROOF_NODES_EXHAUSTED' // fewer siblings than the tree of leafCount leaves needs
  | 'EXTRA_PROOF_NODES' // siblings left over after reaching the root
  | 'ROOT_MISMATCH' // the opened leaves and siblings hash to another root
  | 'LABEL_MISMATCH' // an opened label is not the hash of its index and left cousins
  | 'MEMBER_INDEX_OUT_OF_RANGE' // membership leaf index beyond 2^(number of siblings)
  | 'MEMBER_ROOT_MISMATCH' // the membership path does not lead to the statement
  // A prover checkpoint that cannot be resumed (local state, never from the network):
  | 'CHECKPOINT_INVALID' // leafCount out of range, or parked nodes not exactly its set bits
  | 'CHECKPOINT_STATEMENT_MISMATCH' // the checkpoint belongs to another round's statement
  | 'CHECKPOINT_STORE_MISMATCH' // the tree store lacks nodes the checkpoint counts, or disagrees

export class PoetProofError extends Error {
  override readonly name = 'PoetProofError'
  constructor(
    readonly code: PoetProofErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`)
  }
}
