/**
 * Compiles a WebAssembly module shipped beside its binding: read from disk under Node (and
 * vitest), fetched in browsers and workers. Callers pass `new URL('./x.wasm', import.meta.url)`
 * written out in their own module, which is what makes Vite emit the file as an asset.
 */
export async function compileWasmAt(url: URL): Promise<WebAssembly.Module> {
  const name = url.pathname.slice(url.pathname.lastIndexOf('/') + 1)
  if (url.protocol === 'file:') {
    // A variable specifier keeps bundlers from pulling node:fs into the browser build.
    const fsName = 'node:fs/promises'
    const fs = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs/promises')
    return WebAssembly.compile(await fs.readFile(url))
  }
  const response = await fetch(url)
  if (!response.ok) throw new Error(`expected ${name} at ${url}, got HTTP ${response.status}`)
  return WebAssembly.compile(await response.arrayBuffer())
}
