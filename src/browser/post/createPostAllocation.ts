import type { PostParams } from '../../core/params/presets.ts'
import { computeCommitment } from '../../core/post/computeCommitment.ts'
import { computePostLayout } from './computePostLayout.ts'
import type { PostAllocationRecord } from './openPostMetadataStore.ts'

export interface CreatePostAllocationParameters {
  readonly params: PostParams
  readonly numUnits: number
  readonly nodeId: Uint8Array
  readonly commitmentAtxId: Uint8Array
  readonly dir?: string
}

/** A new allocation's metadata, checked against the preset's unit bounds. */
export function createPostAllocation(p: CreatePostAllocationParameters): PostAllocationRecord {
  const { params, numUnits } = p
  if (!Number.isInteger(numUnits) || numUnits < params.minNumUnits || numUnits > params.maxNumUnits) {
    throw new RangeError(`expected numUnits in ${params.minNumUnits}..${params.maxNumUnits}, got ${numUnits}`)
  }
  const layout = computePostLayout(numUnits, params.labelsPerUnit)
  return {
    nodeId: p.nodeId,
    commitmentAtxId: p.commitmentAtxId,
    commitment: computeCommitment(p.nodeId, p.commitmentAtxId),
    numUnits,
    labelsPerUnit: params.labelsPerUnit,
    scryptN: params.scryptN,
    labelsPerFile: layout.labelsPerFile,
    maxFileSize: layout.maxFileSize,
    dir: p.dir ?? 'post',
    labelsComputed: 0,
  }
}
