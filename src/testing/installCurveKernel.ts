/**
 * vitest setupFile: installs curve.wasm as the `CurveKernel` before every test file, so the whole
 * unit suite (the simulator above all) runs on the kernel, as the CLI does. The crypto tests
 * switch between it and the @noble/curves reference explicitly (`useCurveKernel`).
 */
import { readFileSync } from 'node:fs'
import { useCurveKernel } from '../core/crypto/curveKernel.ts'
import { instantiateCurveKernel } from '../curve-wasm/instantiateCurveKernel.ts'

useCurveKernel(instantiateCurveKernel(readFileSync(new URL('../curve-wasm/curve.wasm', import.meta.url))))
