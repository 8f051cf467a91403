/**
 * The `code` of the typed error a call throws, for tests that assert which rule fired. Only an
 * instance of `errorClass` counts: any other exception is rethrown (sync) or reported as
 * `other: …` (async), so a stray TypeError can never pass for the expected code.
 */
type Coded<C> = abstract new (...args: never[]) => Error & { readonly code: C }

/** The code `f` throws, or undefined when it returns. */
export function thrownCode<C>(errorClass: Coded<C>, f: () => unknown): C | undefined {
  try {
    f()
  } catch (err) {
    if (err instanceof errorClass) return err.code
    throw err
  }
  return undefined
}

/** The code `p` rejects with, 'none' when it resolves, `other: …` for any other rejection. */
export async function rejectedCode<C>(errorClass: Coded<C>, p: Promise<unknown>): Promise<C | string> {
  try {
    await p
  } catch (err) {
    return err instanceof errorClass ? err.code : `other: ${String(err)}`
  }
  return 'none'
}
