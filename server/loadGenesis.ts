import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CliError } from './cliError.ts'

/**
 * The standalone network's genesis time: chosen on the first run and kept in the data
 * directory, so a restarted network keeps its layer and PoET round clock.
 */
export function loadGenesis(dataDir: string, now: number): number {
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, 'genesis.json')
  if (!existsSync(path)) {
    writeFileSync(path, `${JSON.stringify({ genesisMs: now })}\n`)
    return now
  }
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
  const genesisMs = (parsed as { genesisMs?: unknown }).genesisMs
  if (typeof genesisMs !== 'number' || !Number.isSafeInteger(genesisMs)) {
    throw new CliError(`${path}: expected {"genesisMs": <unix ms>}, delete it to start a new network`)
  }
  return genesisMs
}
