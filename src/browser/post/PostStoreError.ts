/** Every way browser PoST initialization or proving can fail, one named variant each. */
export type PostStoreErrorCode =
  | 'opfs-unavailable'
  | 'insufficient-storage'
  | 'quota-exceeded'
  | 'locked-elsewhere'
  | 'metadata-mismatch'
  | 'not-initialized'
  | 'no-vrf-nonce'
  | 'worker-failed'

export class PostStoreError extends Error {
  override readonly name = 'PostStoreError'
  readonly code: PostStoreErrorCode
  constructor(code: PostStoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}
