import { type DBSchema, openDB } from 'idb'

/** What post-rs keeps in `postdata_metadata.json`, plus what the browser needs to resume. */
export interface PostAllocationRecord {
  readonly nodeId: Uint8Array
  readonly commitmentAtxId: Uint8Array
  readonly commitment: Uint8Array
  readonly numUnits: number
  readonly labelsPerUnit: number
  readonly scryptN: number
  readonly labelsPerFile: number
  readonly maxFileSize: number
  /** OPFS directory holding the files. */
  readonly dir: string
  /** Labels computed, written and recorded, summed over sessions: equals the total when nothing was redone. */
  readonly labelsComputed: number
  /** VRF nonce (post `Nonce`) and its full label (`NonceValue`), set when initialization completes. */
  readonly nonce?: number
  readonly nonceValue?: Uint8Array
  /** Where the VRF nonce search past the data continues (post `LastPosition`). */
  readonly lastPosition?: number
}

/** Per-file progress as last recorded, and the file's smallest label so far (VRF nonce search). */
export interface PostFileRecord {
  readonly fileIndex: number
  readonly labelsRecorded: number
  readonly minIndex?: number
  readonly minLabel?: Uint8Array
}

interface PostDb extends DBSchema {
  allocation: { key: 'current'; value: PostAllocationRecord }
  files: { key: number; value: PostFileRecord }
}

export interface PostMetadataStore {
  getAllocation(): Promise<PostAllocationRecord | undefined>
  putAllocation(record: PostAllocationRecord): Promise<void>
  getFiles(): Promise<PostFileRecord[]>
  /** Records a file's progress and adds `computed` to the allocation's counter, atomically. */
  recordFile(file: PostFileRecord, computed: number): Promise<void>
  /** Forgets the allocation (the caller deletes the OPFS files). */
  clear(): Promise<void>
  close(): void
}

/** IndexedDB metadata of the origin's one PoST allocation. */
export async function openPostMetadataStore(name = 'spacemesh-post'): Promise<PostMetadataStore> {
  const db = await openDB<PostDb>(name, 1, {
    upgrade(db) {
      db.createObjectStore('allocation')
      db.createObjectStore('files', { keyPath: 'fileIndex' })
    },
  })
  return {
    getAllocation: () => db.get('allocation', 'current'),
    async putAllocation(record) {
      await db.put('allocation', record, 'current')
    },
    getFiles: () => db.getAll('files'),
    async recordFile(file, computed) {
      const tx = db.transaction(['allocation', 'files'], 'readwrite')
      const allocations = tx.objectStore('allocation')
      const current = await allocations.get('current')
      if (current === undefined) throw new Error('no PoST allocation recorded')
      await allocations.put({ ...current, labelsComputed: current.labelsComputed + computed }, 'current')
      await tx.objectStore('files').put(file)
      await tx.done
    },
    async clear() {
      const tx = db.transaction(['allocation', 'files'], 'readwrite')
      await tx.objectStore('allocation').clear()
      await tx.objectStore('files').clear()
      await tx.done
    },
    close: () => db.close(),
  }
}
