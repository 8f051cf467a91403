/**
 * Loads `curve.wasm` from beside this file: read from disk under Node, fetched in browsers and
 * workers (Vite emits it as an asset). Install the result with `useCurveKernel`.
 */
import type { CurveKernel } from '../core/crypto/curveKernel.ts'
import { curveKernelFromInstance } from './instantiateCurveKernel.ts'

let compiled: Promise<WebAssembly.Module> | undefined

async function compileDefault(): Promise<WebAssembly.Module> {
  const url = new URL('./curve.wasm', import.meta.url)
  if (url.protocol === 'file:') {
    // A variable specifier keeps bundlers from pulling node:fs into the browser build.
    const fsName = 'node:fs/promises'
    const fs = (await import(/* @vite-ignore */ fsName)) as typeof import('node:fs/promises')
    return WebAssembly.compile(await fs.readFile(url))
  }
  const response = await fetch(url)
  if (!response.ok) throw new Error(`expected curve.wasm at ${url}, got HTTP ${response.status}`)
  return WebAssembly.compile(await response.arrayBuffer())
}

/** A fresh kernel instance; pass a compiled module (e.g. one posted to a worker) to skip the fetch. */
export async function loadCurveKernel(module?: WebAssembly.Module): Promise<CurveKernel> {
  if (module === undefined) {
    compiled ??= compileDefault()
    module = await compiled
  }
  return curveKernelFromInstance(await WebAssembly.instantiate(module, {}))
}
