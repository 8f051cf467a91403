/**
 * Retry bookkeeping for the smesher's PoET requests (go-spacemesh `PoetConfig`
 * `RequestRetryDelay`, `MaxRequestRetries`): a failed request is due again after the delay and
 * dropped after the last retry; due requests are re-issued on the next tick, and the earliest
 * future one becomes a `wakeAt`.
 */
import type { AtxParams } from '../params/presets.ts'
import type { SmesherEffect } from './SmesherMessages.ts'

export interface PoetRequest {
  retries: number
  retryAtMs?: number
}

/** Marks `poetId` failed: due again after the delay, or dropped once out of retries. */
export function schedulePoetRetry(
  pending: Map<string, PoetRequest>,
  poetId: string,
  nowMs: number,
  atx: AtxParams,
): void {
  const r = pending.get(poetId)
  if (r === undefined) return
  r.retries++
  if (r.retries > atx.poetMaxRetries) pending.delete(poetId)
  else r.retryAtMs = nowMs + atx.poetRetryDelayMs
}

/** Re-issues due requests into `out` and asks to be woken for the next one. */
export function retryPoetRequests(
  pending: Map<string, PoetRequest>,
  nowMs: number,
  out: SmesherEffect[],
  request: (poetId: string) => SmesherEffect,
): void {
  let wake: number | undefined
  for (const [poetId, r] of pending) {
    if (r.retryAtMs === undefined) continue
    if (r.retryAtMs <= nowMs) {
      delete r.retryAtMs
      out.push(request(poetId))
    } else wake = Math.min(wake ?? r.retryAtMs, r.retryAtMs)
  }
  if (wake !== undefined) out.push({ kind: 'wakeAt', timeMs: wake })
}
