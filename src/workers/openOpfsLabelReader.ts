import { LABEL_BYTES } from '../core/post/computeLabel.ts'
import { openSyncAccessHandle } from './openSyncAccessHandle.ts'

export interface OpfsLabelReader {
  /** `count` labels from global label `start`, across file boundaries. */
  read(start: number, count: number): Uint8Array
  /** Time spent in reads so far, ms. */
  readMs(): number
  close(): void
}

/**
 * Opens every `postdata_N.bin` of `dir` with a sync access handle (worker only) for the
 * synchronous reads the prover makes. Holding the handles also keeps writers out meanwhile.
 */
export async function openOpfsLabelReader(
  dir: string,
  labelsPerFile: number,
  root: FileSystemDirectoryHandle,
): Promise<OpfsLabelReader> {
  const folder = await root.getDirectoryHandle(dir)
  const handles: FileSystemSyncAccessHandle[] = []
  try {
    for (let i = 0; ; i++) {
      let file: FileSystemFileHandle
      try {
        file = await folder.getFileHandle(`postdata_${i}.bin`)
      } catch {
        break
      }
      handles.push(await openSyncAccessHandle(file))
    }
  } catch (err) {
    for (const h of handles) h.close()
    throw err
  }
  let spent = 0
  return {
    read(start, count) {
      const t0 = performance.now()
      const out = new Uint8Array(count * LABEL_BYTES)
      let done = 0
      while (done < count) {
        const index = start + done
        const f = Math.floor(index / labelsPerFile)
        const within = index - f * labelsPerFile
        const take = Math.min(count - done, labelsPerFile - within)
        const handle = handles[f]
        if (handle === undefined) throw new RangeError(`label ${index}: file postdata_${f}.bin is missing`)
        const view = out.subarray(done * LABEL_BYTES, (done + take) * LABEL_BYTES)
        const got = handle.read(view, { at: within * LABEL_BYTES })
        if (got !== view.length) throw new RangeError(`label ${index}: postdata_${f}.bin is short`)
        done += take
      }
      spent += performance.now() - t0
      return out
    },
    readMs: () => spent,
    close() {
      for (const h of handles) h.close()
    },
  }
}
