/**
 * An in-memory stand-in for OPFS — directories of files with synchronous access handles — so the
 * worker implementations run inline in Node tests. `quotaBytes` caps the total stored, and a
 * write past it throws `QuotaExceededError` as browsers do.
 */
export function createMemoryOpfs(options: { quotaBytes?: number } = {}) {
  const dirs = new Map<string, Map<string, { bytes: Uint8Array }>>()
  const notFound = () => new DOMException('not found', 'NotFoundError')
  const fileHandle = (f: { bytes: Uint8Array }) => ({
    async createSyncAccessHandle() {
      return {
        getSize: () => f.bytes.length,
        truncate(n: number) {
          const next = new Uint8Array(n)
          next.set(f.bytes.subarray(0, Math.min(n, f.bytes.length)))
          f.bytes = next
        },
        write(data: Uint8Array, { at }: { at: number }) {
          const grow = Math.max(0, at + data.length - f.bytes.length)
          if (options.quotaBytes !== undefined && used() + grow > options.quotaBytes) {
            throw new DOMException('quota exceeded', 'QuotaExceededError')
          }
          if (at + data.length > f.bytes.length) this.truncate(at + data.length)
          f.bytes.set(data, at)
          return data.length
        },
        read(into: Uint8Array, { at }: { at: number }) {
          const part = f.bytes.subarray(at, at + into.length)
          into.set(part)
          return part.length
        },
        flush() {},
        close() {},
      }
    },
  })
  const root = {
    async getDirectoryHandle(name: string, opts?: { create?: boolean }) {
      let files = dirs.get(name)
      if (files === undefined) {
        if (opts?.create !== true) throw notFound()
        files = new Map()
        dirs.set(name, files)
      }
      const folder = files
      return {
        async getFileHandle(file: string, o?: { create?: boolean }) {
          let f = folder.get(file)
          if (f === undefined) {
            if (o?.create !== true) throw notFound()
            f = { bytes: new Uint8Array(0) }
            folder.set(file, f)
          }
          return fileHandle(f)
        },
      }
    },
  }
  const used = () => {
    let n = 0
    for (const d of dirs.values()) for (const f of d.values()) n += f.bytes.length
    return n
  }
  const file = (name: string) => dirs.get('post')?.get(name)
  return { root: root as unknown as FileSystemDirectoryHandle, file }
}
