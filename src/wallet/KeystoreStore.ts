/**
 * Where the keystore lives. One record; `write` replaces it atomically (a single IndexedDB
 * transaction), so a failed write leaves the previous keystore intact. The browser and the unit
 * tests (fake-indexeddb) use the same IndexedDB implementation.
 */
import type { KeystoreRecord } from './KeystoreRecord.ts'

export interface KeystoreStore {
  /** The stored value as found (unvalidated), or undefined when there is no wallet. */
  read(): Promise<unknown>
  write(record: KeystoreRecord): Promise<void>
  /** Removes the keystore (user's explicit "forget wallet"). */
  remove(): Promise<void>
}
