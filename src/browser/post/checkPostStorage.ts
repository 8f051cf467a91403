import { PostStoreError } from './PostStoreError.ts'

export interface PostStorageCheck {
  readonly usage: number
  readonly quota: number
  readonly persisted: boolean
  readonly neededBytes: number
}

/**
 * Before labeling: asks the browser to keep our storage (`persist()`; Safari evicts otherwise,
 * DESIGN.md §8) and refuses an allocation the quota cannot hold, instead of failing half-way.
 */
export async function checkPostStorage(neededBytes: number): Promise<PostStorageCheck> {
  const storage = globalThis.navigator?.storage
  if (storage?.getDirectory === undefined) {
    throw new PostStoreError('opfs-unavailable', 'this browser has no Origin Private File System')
  }
  const persisted = (await storage.persisted?.()) || ((await storage.persist?.()) ?? false)
  const { usage = 0, quota = 0 } = await storage.estimate()
  const free = quota - usage
  if (neededBytes > free) {
    throw new PostStoreError(
      'insufficient-storage',
      `this allocation needs ${formatBytes(neededBytes)} more, but only ${formatBytes(free)} of the ` +
        `${formatBytes(quota)} quota is free`,
    )
  }
  return { usage, quota, persisted, neededBytes }
}

/** Human-readable byte count (binary units), for storage messages here and in the UI. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let v = n / 1024
  let u = 0
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024
    u++
  }
  return `${v.toFixed(1)} ${units[u]}`
}
