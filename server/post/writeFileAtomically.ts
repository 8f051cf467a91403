import { renameSync, writeFileSync } from 'node:fs'

/** Replaces `path` whole or not at all: write a temporary sibling, then rename over (POSIX atomic). */
export function writeFileAtomically(path: string, text: string): void {
  const tmp = `${path}.tmp`
  writeFileSync(tmp, text, { flush: true })
  renameSync(tmp, path)
}
