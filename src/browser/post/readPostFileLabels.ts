import { LABEL_BYTES } from '../../core/post/computeLabel.ts'

/**
 * Whole labels in each `postdata_N.bin` of `dir`, from the file sizes alone (post-poet.md §1.4).
 * Works on the main thread while no worker holds the files.
 */
export async function readPostFileLabels(dir: string, fileCount: number): Promise<number[]> {
  const root = await navigator.storage.getDirectory()
  let folder: FileSystemDirectoryHandle
  try {
    folder = await root.getDirectoryHandle(dir)
  } catch {
    return new Array<number>(fileCount).fill(0)
  }
  const labels: number[] = []
  for (let i = 0; i < fileCount; i++) {
    try {
      const file = await (await folder.getFileHandle(`postdata_${i}.bin`)).getFile()
      labels.push(Math.floor(file.size / LABEL_BYTES))
    } catch {
      labels.push(0)
    }
  }
  return labels
}
