/**
 * A computation `spacemeshos/fixed` would abort with a Go panic (its `ErrOverflow`, a runtime
 * divide-by-zero or a negative shift). A go-spacemesh node does not survive these (the hare
 * oracle's `Validate` turns the panic into `log.Fatal`), so callers must not treat them as a
 * verdict on the peer: they mean the inputs are outside what the protocol can compute.
 */
export type FixedErrorCode = 'OVERFLOW' | 'DIVIDE_BY_ZERO' | 'NEGATIVE_SHIFT'

export class FixedError extends Error {
  override readonly name = 'FixedError'
  constructor(
    readonly code: FixedErrorCode,
    message: string,
  ) {
    super(message)
  }
}
