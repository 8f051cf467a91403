/**
 * Deletes the tree directories (`round-<e>` under the service's tree root) that no round needs:
 * the round's proof is published, or the database knows no member of it. Publishing saves the
 * proof before it removes the files, so a process that dies in between leaves them behind; the
 * service calls this on start. Other entries, and rounds still to be proved, are left alone.
 */
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { PoetStore } from './PoetStore.ts'

export interface RemovedRoundFiles {
  readonly round: number
  readonly reason: 'proof published' | 'unknown round'
}

export function removeFinishedRoundFiles(
  treeRoot: string,
  store: Pick<PoetStore, 'getProof' | 'memberCount'>,
): RemovedRoundFiles[] {
  let entries: string[]
  try {
    entries = readdirSync(treeRoot)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [] // no round was ever proved
    throw err
  }
  const removed: RemovedRoundFiles[] = []
  for (const name of entries) {
    const match = /^round-(\d+)$/.exec(name)
    if (match === null) continue
    const round = Number(match[1])
    const reason =
      store.getProof(round) !== undefined
        ? 'proof published'
        : store.memberCount(round) === 0
          ? 'unknown round'
          : undefined
    if (reason === undefined) continue
    rmSync(join(treeRoot, name), { recursive: true, force: true })
    removed.push({ round, reason })
  }
  return removed.sort((a, b) => a.round - b.round)
}
