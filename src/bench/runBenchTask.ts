/**
 * The measurements `npm run bench` (server/bench/browser.ts) makes both in Chromium (bench.html)
 * and in a fresh Node worker_thread: the same code, inputs and preset on both sides, so the
 * ratio browser / Node isolates the engine. Inputs are hex strings so they cross
 * `page.evaluate` and `postMessage` unchanged.
 */
import { hexToBytes } from '@noble/hashes/utils.js'
import { standalone } from '../core/params/presets.ts'
import { decodePoetProof, verifyPoetProof } from '../core/poet/index.ts'
import { decodePostProof, verifyPost } from '../core/post/index.ts'
import { loadPostWasm } from '../post-wasm/loadPostWasm.ts'
import { type LabelCount, measureWasmLabels, type WindowEdge } from './measureWasmLabels.ts'
import { type TimedCalls, timeCalls } from './timeCalls.ts'

export type BenchTask =
  | { kind: 'poetVerify'; proofHex: string; statementHex: string; runs: number }
  | {
      kind: 'postVerify'
      proofHex: string
      nodeIdHex: string
      commitmentAtxIdHex: string
      challengeHex: string
      numUnits: number
      labeler: 'wasm' | 'ts'
      runs: number
    }
  | { kind: 'wasmLabels'; n: number; seconds: number }

export type BenchResult = TimedCalls | LabelCount

/** `edge` marks the timed window of `wasmLabels` so the host can read the thread's CPU time. */
export async function runBenchTask(task: BenchTask, edge?: WindowEdge): Promise<BenchResult> {
  switch (task.kind) {
    case 'poetVerify': {
      const proof = decodePoetProof(hexToBytes(task.proofHex))
      const statement = hexToBytes(task.statementHex)
      return timeCalls(() => verifyPoetProof(proof, statement), task.runs)
    }
    case 'postVerify': {
      const proof = decodePostProof(hexToBytes(task.proofHex))
      const meta = {
        nodeId: hexToBytes(task.nodeIdHex),
        commitmentAtxId: hexToBytes(task.commitmentAtxIdHex),
        challenge: hexToBytes(task.challengeHex),
        numUnits: task.numUnits,
      }
      const wasm = task.labeler === 'wasm' ? await loadPostWasm() : undefined
      const options =
        wasm === undefined
          ? {}
          : {
              computeLabel: (c: Uint8Array, i: number, n: number) => wasm.labels(c, n, BigInt(i), 1).labels,
            }
      return timeCalls(() => verifyPost(proof, meta, standalone.post, options), task.runs)
    }
    case 'wasmLabels':
      return measureWasmLabels(task.n, task.seconds, edge)
  }
}
