/** KeystoreStore over IndexedDB (via idb): database `dbName`, object store `keystore`, key `main`. */
import { openDB } from 'idb'
import type { KeystoreStore } from './KeystoreStore.ts'

const STORE = 'keystore'
const KEY = 'main'

export async function openIndexedDbKeystoreStore(dbName = 'spacemesh-wallet'): Promise<KeystoreStore> {
  const db = await openDB(dbName, 1, {
    upgrade(db) {
      db.createObjectStore(STORE)
    },
  })
  return {
    read: () => db.get(STORE, KEY),
    async write(record) {
      const tx = db.transaction(STORE, 'readwrite')
      await Promise.all([tx.store.put(record, KEY), tx.done])
    },
    async remove() {
      const tx = db.transaction(STORE, 'readwrite')
      await Promise.all([tx.store.delete(KEY), tx.done])
    },
  }
}
