/** Attempts and pause between them: a worker killed by a reload releases its handles shortly after. */
const attempts = 20
const pauseMs = 100

/**
 * `createSyncAccessHandle`, retried while the file is still held (`NoModificationAllowedError`):
 * after a reload or a closed tab the old document's labeler workers may not have let go yet.
 */
export async function openSyncAccessHandle(file: FileSystemFileHandle): Promise<FileSystemSyncAccessHandle> {
  for (let i = 1; ; i++) {
    try {
      return await file.createSyncAccessHandle()
    } catch (err) {
      if ((err as { name?: string }).name !== 'NoModificationAllowedError' || i >= attempts) throw err
      await new Promise((resolve) => setTimeout(resolve, pauseMs))
    }
  }
}
