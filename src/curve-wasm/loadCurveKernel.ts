/**
 * Loads `curve.wasm` from beside this file: read from disk under Node, fetched in browsers and
 * workers (Vite emits it as an asset). Install the result with `useCurveKernel`.
 */
import type { CurveKernel } from '../core/crypto/curveKernel.ts'
import { compileWasmAt } from '../post-wasm/compileWasmAt.ts'
import { curveKernelFromInstance } from './instantiateCurveKernel.ts'

let compiled: Promise<WebAssembly.Module> | undefined

/** A fresh kernel instance; pass a compiled module (e.g. one posted to a worker) to skip the fetch. */
export async function loadCurveKernel(module?: WebAssembly.Module): Promise<CurveKernel> {
  if (module === undefined) {
    compiled ??= compileWasmAt(new URL('./curve.wasm', import.meta.url))
    module = await compiled
  }
  return curveKernelFromInstance(await WebAssembly.instantiate(module, {}))
}
