/**
 * The one error every decoder throws. `code` names the failure; decoders never throw anything
 * else, so a caller can turn any malformed input into a REJECT verdict without a catch-all.
 */
export type DecodeErrorCode =
  | 'TRUNCATED' // the input ended inside a value
  | 'TRAILING_BYTES' // a complete value was followed by more bytes
  | 'NON_CANONICAL' // a compact integer in a longer mode than its value needs
  | 'TOO_LONG' // a length or count above the field's bound
  | 'OUT_OF_RANGE' // an integer beyond its type's width
  | 'INVALID_TAG' // an option or enum tag that names no variant
  | 'INVALID_VALUE' // well-formed bytes that the type forbids (reserved bits, bad checksum…)

export class DecodeError extends Error {
  override readonly name = 'DecodeError'
  constructor(
    readonly code: DecodeErrorCode,
    message: string,
    readonly offset?: number,
  ) {
    super(offset === undefined ? message : `${message} (at byte ${offset})`)
  }
}
