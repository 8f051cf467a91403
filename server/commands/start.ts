import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { standalone } from '../../src/core/params/presets.ts'
import { serveStatic } from '../api/serveStatic.ts'
import { closeOnSignals } from '../closeOnSignals.ts'
import { loadGenesis } from '../loadGenesis.ts'
import { parseCliArgs, parseIntOption } from '../parseCliArgs.ts'
import { poetParamsFromPreset, startPoetService } from '../poet/startPoetService.ts'

export const usage = 'start [--port P] [--poet-port P] [--host H] [--data-dir .data/standalone] [--rebuild]'

/**
 * The main job on the embedded standalone preset: build the PWA if it is missing, start the
 * PoET service (state in `<data-dir>/poet.sqlite`, genesis kept in `<data-dir>/genesis.json`),
 * and serve the PWA. The full node and relay join here as they land.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseCliArgs(
    args,
    {
      port: { type: 'string', default: process.env.PORT ?? '8080' },
      'poet-port': { type: 'string', default: '8081' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string', default: '.data/standalone' },
      rebuild: { type: 'boolean', default: false },
    },
    usage,
  )
  const port = parseIntOption(values.port, 'port')
  const poetPort = parseIntOption(values['poet-port'], 'poet-port')
  const dataDir = values['data-dir']

  const dist = 'dist'
  if (values.rebuild || !existsSync(`${dist}/index.html`)) {
    console.log('building the PWA…')
    const { build } = await import('vite')
    await build({ logLevel: 'warn' })
  }

  const genesisMs = loadGenesis(dataDir, Date.now())
  const poet = await startPoetService({
    dbPath: join(dataDir, 'poet.sqlite'),
    port: poetPort,
    host: values.host,
    params: poetParamsFromPreset(standalone, genesisMs),
    log: (msg, fields) => console.log(`poet: ${msg}`, fields === undefined ? '' : JSON.stringify(fields)),
  })
  const web = await serveStatic({ dir: dist, port, host: values.host })

  console.log(`standalone network (genesis ${new Date(genesisMs).toISOString()}, data in ${dataDir})`)
  console.log(`  PoET service  ${poet.url}/v1/info`)
  console.log(`spacemesh-web is running: open http://${values.host}:${port}/`)

  // Closing the PoET service saves a last checkpoint of the round under way.
  closeOnSignals({
    close: async () => {
      web.close()
      await poet.close()
    },
  })
}
