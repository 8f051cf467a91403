import { serveStatic } from '../api/serveStatic.ts'
import { parseCliArgs, parseIntOption } from '../parseCliArgs.ts'

export const usage = 'serve [--port P] [--host H] [--dir dist]'

/** Serves an already built PWA directory (used by the end-to-end tests). */
export async function run(args: string[]): Promise<void> {
  const { values } = parseCliArgs(
    args,
    {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      dir: { type: 'string', default: 'dist' },
    },
    usage,
  )
  const port = parseIntOption(values.port, 'port')
  await serveStatic({ dir: values.dir, port, host: values.host })
  console.log(`serving ${values.dir} at http://${values.host}:${port}/`)
}
