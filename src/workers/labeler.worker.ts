/// <reference lib="webworker" />
import { expose } from 'comlink'
import { createLabelerService } from './createLabelerService.ts'
import { loadLabeler } from './loadLabeler.ts'

/** Labeler worker entry point: one per core, each with its own WASM memory (DESIGN.md §8). */
expose(createLabelerService(loadLabeler))
