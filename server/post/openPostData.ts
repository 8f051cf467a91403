/**
 * A synchronous label reader over `postdata_N.bin` files, what `provePost` and the browser's
 * OPFS sync handles both offer: `readLabels(start, count)` reads across file boundaries.
 */
import { closeSync, openSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { namePostDataFile } from '../../src/core/post/PostMetadata.ts'
import type { PostLayout } from './readPostProgress.ts'

export interface PostDataReader {
  readLabels(start: number, count: number): Uint8Array
  close(): void
}

export function openPostData(dir: string, layout: PostLayout): PostDataReader {
  const fds = new Map<number, number>()
  const fdOf = (f: number): number => {
    let fd = fds.get(f)
    if (fd === undefined) {
      fd = openSync(join(dir, namePostDataFile(f)), 'r')
      fds.set(f, fd)
    }
    return fd
  }
  return {
    readLabels(start, count) {
      if (start < 0 || start + count > layout.numLabels) {
        throw new RangeError(`labels ${start}+${count}: expected within 0..${layout.numLabels}`)
      }
      const out = new Uint8Array(count * 16)
      let done = 0
      while (done < count) {
        const index = start + done
        const f = Math.floor(index / layout.labelsPerFile)
        const inFile = index - f * layout.labelsPerFile
        const n = Math.min(count - done, layout.labelsPerFile - inFile)
        const got = readSync(fdOf(f), out, done * 16, n * 16, inFile * 16)
        if (got !== n * 16)
          throw new Error(`${namePostDataFile(f)}: expected ${n * 16} bytes at label ${inFile}, got ${got}`)
        done += n
      }
      return out
    },
    close() {
      for (const fd of fds.values()) closeSync(fd)
      fds.clear()
    },
  }
}
