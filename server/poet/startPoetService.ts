/**
 * Starts a PoET service: opens (and migrates) its SQLite database, resumes unfinished rounds,
 * and serves the HTTP JSON API on `port` (0 picks a free one). `close()` stops the work (saving a
 * last checkpoint of the round under way), the server and the database; starting again on the
 * same file loses no registration, and that round continues from where it stopped (tree files in
 * `<dbPath>.rounds/`).
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Preset } from '../../src/core/params/presets.ts'
import { handlePoetRequest } from './handlePoetRequest.ts'
import { type Log, type PoetClock, PoetService, type PoetServiceParams } from './PoetService.ts'
import { PoetStore } from './PoetStore.ts'
import { runRoundInline } from './runRoundInline.ts'
import { runRoundInWorker } from './runRoundInWorker.ts'

export interface StartPoetServiceOptions {
  readonly dbPath: string
  readonly port?: number
  readonly host?: string
  readonly params: PoetServiceParams
  readonly clock?: PoetClock
  readonly log?: Log
  /** Where the sequential work runs: a worker thread (default) or sliced on this thread. */
  readonly work?: 'worker' | 'inline'
  /** Directory of the rounds' tree files (default `<dbPath>.rounds`; none for ':memory:'). */
  readonly treeDir?: string
  /** Checkpoint interval of the sequential work (default 60 s). */
  readonly checkpointEveryMs?: number
}

export interface RunningPoetService {
  readonly url: string
  readonly service: PoetService
  close(): Promise<void>
}

/** Round timing and registration rules of a preset, for a network started at `genesisMs`. */
export function poetParamsFromPreset(preset: Preset, genesisMs: number): PoetServiceParams {
  return {
    genesisMs,
    epochDurationMs: preset.layerDurationMs * preset.layersPerEpoch,
    phaseShiftMs: preset.poet.phaseShiftMs,
    cycleGapMs: preset.poet.cycleGapMs,
    powDifficulty: preset.poet.powDifficulty,
    maxRoundMembers: preset.poet.maxRoundMembers,
  }
}

export async function startPoetService(o: StartPoetServiceOptions): Promise<RunningPoetService> {
  const store = new PoetStore(o.dbPath)
  const runner = o.work === 'inline' ? runRoundInline : runRoundInWorker
  const treeDir = o.treeDir ?? (o.dbPath === ':memory:' ? undefined : `${o.dbPath}.rounds`)
  const service = new PoetService(store, o.params, o.clock ?? { now: () => Date.now() }, o.log, runner, {
    treeDir,
    checkpointEveryMs: o.checkpointEveryMs,
  })
  const server = createServer((req, res) => {
    void handlePoetRequest(service, req, res)
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(o.port ?? 0, o.host ?? '127.0.0.1', resolve)
    })
  } catch (err) {
    store.close()
    throw err
  }
  service.start()
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}`,
    service,
    async close() {
      await service.stop()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      store.close()
    },
  }
}
