import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { type PresetName, presets } from '../../src/core/params/presets.ts'
import { CliError } from '../cliError.ts'
import { closeOnSignals } from '../closeOnSignals.ts'
import { parseCliArgs, parseIntOption } from '../parseCliArgs.ts'
import { poetParamsFromPreset, startPoetService } from '../poet/startPoetService.ts'

export const usage =
  'poet [--preset standalone] [--data-dir .data/poet] [--port 8080] [--host 127.0.0.1] [--genesis <unix ms>]'

/**
 * Runs a PoET service: rounds timed by the preset from `--genesis` (default: the time stored in
 * the data directory's first run, else now), registrations and proofs in `<data-dir>/poet.sqlite`.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseCliArgs(
    args,
    {
      preset: { type: 'string', default: 'standalone' },
      'data-dir': { type: 'string', default: '.data/poet' },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      genesis: { type: 'string' },
    },
    usage,
  )
  if (!(values.preset in presets)) {
    throw new CliError(
      `--preset: expected one of ${Object.keys(presets).join(', ')}, got '${values.preset}'`,
      2,
    )
  }
  const preset = presets[values.preset as PresetName]
  const genesisMs = values.genesis === undefined ? Date.now() : parseIntOption(values.genesis, 'genesis')
  mkdirSync(values['data-dir'], { recursive: true })
  const running = await startPoetService({
    dbPath: join(values['data-dir'], 'poet.sqlite'),
    port: parseIntOption(values.port, 'port'),
    host: values.host,
    params: poetParamsFromPreset(preset, genesisMs),
    log: (msg, fields) => console.log(msg, fields === undefined ? '' : JSON.stringify(fields)),
  })
  console.log(`poet (${preset.name}, genesis ${genesisMs}) listening at ${running.url}`)
  // Closing saves a last checkpoint of the round under way.
  closeOnSignals({ close: () => running.close() })
}
