import { existsSync } from 'node:fs'
import { serveStatic } from '../api/serveStatic.ts'
import { parseCliArgs, parseIntOption } from '../parseCliArgs.ts'

export const usage = 'start [--port P] [--host H] [--rebuild]'

/**
 * The main job: build the PWA if it is missing, then serve it. The standalone network (node,
 * PoET, relay) joins here as later issues land.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseCliArgs(
    args,
    {
      port: { type: 'string', default: process.env.PORT ?? '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      rebuild: { type: 'boolean', default: false },
    },
    usage,
  )
  const dir = 'dist'
  if (values.rebuild || !existsSync(`${dir}/index.html`)) {
    console.log('building the PWA…')
    const { build } = await import('vite')
    await build({ logLevel: 'warn' })
  }
  const port = parseIntOption(values.port, 'port')
  await serveStatic({ dir, port, host: values.host })
  console.log(`spacemesh-web is running: open http://${values.host}:${port}/`)
}
