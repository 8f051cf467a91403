import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadGenesis } from './loadGenesis.ts'

describe('loadGenesis', () => {
  it('keeps the first run’s genesis across restarts', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'genesis-')), 'net')
    expect(loadGenesis(dir, 1_000)).toBe(1_000)
    expect(loadGenesis(dir, 9_000)).toBe(1_000)
  })

  it('refuses a corrupt genesis file instead of silently starting a new network', () => {
    const dir = mkdtempSync(join(tmpdir(), 'genesis-'))
    writeFileSync(join(dir, 'genesis.json'), '{"genesisMs":"soon"}')
    expect(() => loadGenesis(dir, 1)).toThrow(/expected \{"genesisMs"/)
  })
})
