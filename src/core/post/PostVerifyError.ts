/** Why a PoST proof was rejected; one code per failed check of `verifyPost`. */
export type PostVerifyErrorCode =
  | 'BAD_INPUT' // a metadata field of the wrong size (caller error, not the prover's)
  | 'NUM_UNITS_OUT_OF_RANGE' // numUnits outside the preset's min..max
  | 'NONCE_OUT_OF_RANGE' // nonce / 16 does not fit the u8 nonce group
  | 'POW_OUT_OF_RANGE' // pow ≥ 2^56 (stricter than post-rs, see verifyPost)
  | 'BAD_POW' // the k2pow hash is not below the scaled difficulty
  | 'BAD_INDICES_LENGTH' // packed indices not ceil(bits × K2 / 8) bytes
  | 'NON_CANONICAL_INDICES' // padding bits after the last index are set (stricter)
  | 'INDEX_OUT_OF_RANGE' // an index ≥ numLabels (stricter)
  | 'DUPLICATE_INDEX' // an index given twice (stricter)
  | 'LABEL_DOES_NOT_QUALIFY' // a re-derived label misses the k1 difficulty for the nonce

export class PostVerifyError extends Error {
  override readonly name = 'PostVerifyError'
  constructor(
    readonly code: PostVerifyErrorCode,
    message: string,
  ) {
    super(message)
  }
}
