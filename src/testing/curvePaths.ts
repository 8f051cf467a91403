/**
 * The two implementations every ed25519/ECVRF test runs against (one contract suite, every
 * implementation): the @noble/curves reference path, and the curve.wasm kernel that
 * `installCurveKernel.ts` (the vitest setupFile) installed.
 */
import { afterAll, beforeAll } from 'vitest'
import { type CurveKernel, currentCurveKernel, useCurveKernel } from '../core/crypto/curveKernel.ts'

export type CurvePath = { path: string; kernel: CurveKernel | undefined }

export function curvePaths(): CurvePath[] {
  const kernel = currentCurveKernel()
  if (kernel === undefined) {
    throw new Error('expected the vitest setupFile to have installed curve.wasm, got no kernel')
  }
  return [
    { path: 'noble reference', kernel: undefined },
    { path: 'curve.wasm kernel', kernel },
  ]
}

/** In a describe block: its tests run with `kernel` installed; the previous one comes back after. */
export function runOnCurvePath(kernel: CurveKernel | undefined): void {
  let previous: CurveKernel | undefined
  beforeAll(() => {
    previous = useCurveKernel(kernel)
  })
  afterAll(() => {
    useCurveKernel(previous)
  })
}
