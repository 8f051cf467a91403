/**
 * What a node keeps of a validated ATX (go-spacemesh `types.ActivationTx` after `processATX`):
 * the chain links, the derived tick interval and the weight. Ids are raw 32-byte values.
 */
export interface AtxHeader {
  readonly id: Uint8Array
  readonly smesherId: Uint8Array
  readonly publishEpoch: number
  readonly sequence: bigint
  readonly prevAtxId: Uint8Array
  readonly positioningAtxId: Uint8Array
  /** The identity's commitment ATX (declared in its initial ATX, inherited afterwards). */
  readonly commitmentAtxId: Uint8Array
  /** Units declared in the ATX (the previous-ATX rule compares against this). */
  readonly numUnits: number
  /** min(previous numUnits, numUnits): the units the weight counts. */
  readonly effectiveNumUnits: number
  readonly vrfNonce: bigint
  readonly baseTickHeight: bigint
  readonly tickCount: bigint
  readonly tickHeight: bigint
  readonly weight: bigint
  /** The signature, kept so a later conflicting ATX can be turned into a malfeasance proof. */
  readonly signature: Uint8Array
}

/** Read access to the validated ATXs a node knows (the validation context; stores implement it). */
export interface AtxView {
  get(id: Uint8Array): AtxHeader | undefined
  /** The identity's ATX with the highest publish epoch. */
  lastBySmesher(smesherId: Uint8Array): AtxHeader | undefined
  /** The identity's ATX published in `epoch`, if any. */
  bySmesherInEpoch(smesherId: Uint8Array, epoch: number): AtxHeader | undefined
}
