/**
 * The sequential-work tree on disk: one file per layer (`layer-00.bin` = the leaves), each an
 * array of fixed 32-byte nodes, so node (h, i) sits at byte 32·i of layer h (poet keeps its
 * layers in files the same way; reference post-poet.md §3.1). A round of n leaves takes about
 * 64·n bytes here instead of in memory.
 *
 * Appends go to a per-layer buffer written out when full, so the prover's hot loop only copies
 * 32 bytes per node. `flush()` writes every buffer and fsyncs the files (and the directory
 * when a layer file was created): after it returns the nodes counted by the prover's current
 * checkpoint are durable, which is why the service saves a checkpoint only after a flush.
 * Reopening the directory reads the widths from the file sizes (a torn last record is ignored);
 * `PoetProver.fromCheckpoint` then checks them against the checkpoint and cuts the tail.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { NODE_SIZE, type PoetTreeStore } from '../../src/core/poet/index.ts'

interface Layer {
  readonly fd: number
  /** Nodes already in the file. */
  onDisk: number
  readonly buffer: Uint8Array
  /** Nodes in `buffer` after `onDisk`. */
  pending: number
}

/** Nodes buffered per layer before a write: 128 KiB for the leaves, halving per height. */
const LEAF_BUFFER_NODES = 4096

const layerFile = (dir: string, h: number) => join(dir, `layer-${String(h).padStart(2, '0')}.bin`)

export class FilePoetTreeStore implements PoetTreeStore {
  private readonly layers: Layer[] = []
  private newFiles = false

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true })
    for (let h = 0; existsSync(layerFile(dir, h)); h++) this.openLayer(h)
  }

  append(height: number, node: Uint8Array): void {
    const layer = this.layers[height] ?? this.openLayer(height)
    layer.buffer.set(node, layer.pending * NODE_SIZE)
    layer.pending++
    if (layer.pending * NODE_SIZE === layer.buffer.length) writeOut(layer)
  }

  width(height: number): number {
    const layer = this.layers[height]
    return layer === undefined ? 0 : layer.onDisk + layer.pending
  }

  read(height: number, index: number): Uint8Array {
    if (!Number.isInteger(index) || index < 0 || index >= this.width(height)) {
      throw new RangeError(`read: node (${height}, ${index}) not stored, layer width ${this.width(height)}`)
    }
    const layer = this.layers[height]!
    if (index >= layer.onDisk) {
      const at = (index - layer.onDisk) * NODE_SIZE
      return layer.buffer.subarray(at, at + NODE_SIZE)
    }
    const out = new Uint8Array(NODE_SIZE)
    const got = readSync(layer.fd, out, 0, NODE_SIZE, index * NODE_SIZE)
    if (got !== NODE_SIZE) throw new Error(`${layerFile(this.dir, height)}: short read at node ${index}`)
    return out
  }

  truncate(widths: readonly number[]): void {
    for (const [h, layer] of this.layers.entries()) {
      const keep = Math.min(widths[h] ?? 0, layer.onDisk + layer.pending)
      if (keep >= layer.onDisk) layer.pending = keep - layer.onDisk
      else {
        ftruncateSync(layer.fd, keep * NODE_SIZE)
        layer.onDisk = keep
        layer.pending = 0
      }
    }
  }

  /** Writes every buffered node and fsyncs; nodes appended so far then survive a crash. */
  flush(): void {
    for (const layer of this.layers) {
      writeOut(layer)
      fsyncSync(layer.fd)
    }
    if (this.newFiles) {
      const dirFd = openSync(this.dir, 'r')
      try {
        fsyncSync(dirFd)
      } finally {
        closeSync(dirFd)
      }
      this.newFiles = false
    }
  }

  close(): void {
    for (const layer of this.layers.splice(0)) closeSync(layer.fd)
  }

  /** Closes and deletes the layer files (the round's proof is saved). */
  remove(): void {
    this.close()
    rmSync(this.dir, { recursive: true, force: true })
  }

  private openLayer(height: number): Layer {
    while (this.layers.length < height) this.openLayer(this.layers.length)
    const path = layerFile(this.dir, height)
    if (!existsSync(path)) this.newFiles = true
    const fd = openSync(path, existsSync(path) ? 'r+' : 'w+')
    const onDisk = Math.floor(fstatSync(fd).size / NODE_SIZE)
    const buffer = new Uint8Array(NODE_SIZE * Math.max(16, LEAF_BUFFER_NODES >> height))
    const layer: Layer = { fd, onDisk, buffer, pending: 0 }
    this.layers[height] = layer
    return layer
  }
}

function writeOut(layer: Layer): void {
  if (layer.pending === 0) return
  const bytes = layer.pending * NODE_SIZE
  let done = 0
  while (done < bytes) {
    done += writeSync(layer.fd, layer.buffer, done, bytes - done, layer.onDisk * NODE_SIZE + done)
  }
  layer.onDisk += layer.pending
  layer.pending = 0
}
