/// <reference lib="webworker" />
import { expose } from 'comlink'
import { loadPostWasm } from '../post-wasm/loadPostWasm.ts'
import { createProverService } from './createProverService.ts'
import { loadLabeler } from './loadLabeler.ts'

/** Prover worker entry point: proving scans every label, so it stays off the page's thread. */
expose(
  createProverService(
    async () => {
      try {
        return await loadPostWasm()
      } catch (err) {
        console.warn('post.wasm failed to load, scanning with the TypeScript AES reference', err)
        return undefined
      }
    },
    () => navigator.storage.getDirectory(),
    () => loadLabeler('wasm'),
  ),
)
