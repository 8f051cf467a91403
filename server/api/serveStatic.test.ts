import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveStatic } from './serveStatic.ts'

describe('serveStatic', () => {
  let base = ''
  let close = () => {}
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'static-'))
    await mkdir(join(dir, 'assets'))
    await writeFile(join(dir, 'index.html'), '<h1>shell</h1>')
    await writeFile(join(dir, 'assets', 'a-123.js'), 'export {}')
    await writeFile(join(dir, 'x.wasm'), new Uint8Array([0, 97, 115, 109]))
    const server = await serveStatic({ dir, port: 0 })
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    close = () => server.close()
  })
  afterAll(() => close())

  it('serves files with isolation headers and the right types', async () => {
    const res = await fetch(`${base}/x.wasm`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/wasm')
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp')
    expect((await fetch(`${base}/assets/a-123.js`)).headers.get('cache-control')).toContain('immutable')
  })

  it('falls back to the shell for client routes and 404s missing files', async () => {
    expect(await (await fetch(`${base}/wallet/unlock`)).text()).toBe('<h1>shell</h1>')
    expect((await fetch(`${base}/missing.js`)).status).toBe(404)
  })

  it('refuses to leave its directory', async () => {
    const res = await fetch(`${base}/%2e%2e%2f%2e%2e%2fetc%2fpasswd`)
    expect(res.status).toBe(403)
  })
})
