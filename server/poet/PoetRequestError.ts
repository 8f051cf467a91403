/** A refused PoET API request: HTTP status, a stable `code` and a message naming the field. */
export type PoetRequestErrorCode =
  | 'BAD_JSON'
  | 'BAD_FIELD'
  | 'BODY_TOO_LARGE'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'INVALID_SIGNATURE'
  | 'STALE_POW_CHALLENGE'
  | 'INVALID_POW'
  | 'DEADLINE_PASSED'
  | 'CONFLICTING_REGISTRATION'
  | 'ROUND_FULL'
  | 'PROOF_NOT_READY'
  | 'NOT_A_MEMBER'
  | 'INTERNAL'

export class PoetRequestError extends Error {
  override readonly name = 'PoetRequestError'
  constructor(
    readonly status: number,
    readonly code: PoetRequestErrorCode,
    message: string,
  ) {
    super(message)
  }
}
