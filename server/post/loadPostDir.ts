import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { POST_METADATA_FILE, type PostMetadata } from '../../src/core/post/PostMetadata.ts'
import { parsePostMetadata } from '../../src/core/post/parsePostMetadata.ts'
import { CliError } from '../cliError.ts'

/** Reads a PoST directory's metadata, as a one-line CLI error when missing or malformed. */
export function loadPostDir(dir: string): PostMetadata {
  let text: string
  try {
    text = readFileSync(join(dir, POST_METADATA_FILE), 'utf8')
  } catch {
    throw new CliError(`${dir}: no ${POST_METADATA_FILE}; run 'post init' first`)
  }
  try {
    return parsePostMetadata(text)
  } catch (err) {
    throw new CliError(`${dir}/${POST_METADATA_FILE}: ${(err as Error).message}`)
  }
}
