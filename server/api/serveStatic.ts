import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
}

/** Cross-origin isolation (SharedArrayBuffer for the labeler workers) on every response. */
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
  'Cross-Origin-Resource-Policy': 'same-origin',
}

export interface ServeStaticParameters {
  dir: string
  port: number
  host?: string
}

/**
 * Serves the built PWA. Unknown paths without an extension fall back to index.html (client
 * routing); hashed assets are cached forever, the shell and the service worker never.
 */
export async function serveStatic({ dir, port, host = '127.0.0.1' }: ServeStaticParameters): Promise<Server> {
  const root = resolve(dir)
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x')
      let path = normalize(join(root, decodeURIComponent(url.pathname)))
      if (!path.startsWith(root)) {
        res.writeHead(403).end('forbidden')
        return
      }
      let info = await stat(path).catch(() => undefined)
      if (info?.isDirectory()) {
        path = join(path, 'index.html')
        info = await stat(path).catch(() => undefined)
      }
      if (info === undefined && extname(path) === '') {
        path = join(root, 'index.html')
        info = await stat(path).catch(() => undefined)
      }
      if (info === undefined) {
        res.writeHead(404, isolation).end('not found')
        return
      }
      const immutable = path.includes(`${root}/assets/`)
      res.writeHead(200, {
        ...isolation,
        'Content-Type': mimeTypes[extname(path)] ?? 'application/octet-stream',
        'Content-Length': info.size,
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
      createReadStream(path).pipe(res)
    } catch {
      res.writeHead(400).end('bad request')
    }
  })
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(port, host, ok)
  })
  return server
}
