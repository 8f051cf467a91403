/**
 * Routes one HTTP request of the PoET API (see poetApiTypes.ts) to the service. Every failure
 * becomes a JSON error with a 4xx/5xx status; nothing a client sends can throw past this.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { bytesToHex } from '@noble/hashes/utils.js'
import { PoetRequestError } from './PoetRequestError.ts'
import type { PoetService } from './PoetService.ts'
import { parseBytesField, parseSubmitRequest } from './parseSubmitRequest.ts'
import type { ErrorJson, PoetInfoJson, ProofResponseJson, SubmitResponseJson } from './poetApiTypes.ts'

/** A submit body is ~400 bytes; anything far larger is refused before parsing. */
export const MAX_BODY_BYTES = 16 * 1024

export async function handlePoetRequest(
  service: PoetService,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  try {
    const url = new URL(req.url ?? '/', 'http://poet')
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
      res.end(JSON.stringify(body))
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'content-type',
      })
      res.end()
      return
    }
    const route = url.pathname
    if (route === '/v1/info') {
      requireMethod(req, 'GET')
      return send(200, info(service))
    }
    if (route === '/v1/submit') {
      requireMethod(req, 'POST')
      const r = service.submit(parseSubmitRequest(await readJson(req)))
      const body: SubmitResponseJson = {
        round: r.round,
        roundStartMs: r.startMs,
        roundEndMs: r.endMs,
        status: r.status,
      }
      return send(200, body)
    }
    const m = /^\/v1\/proofs\/([^/]+)$/.exec(route)
    if (m !== null) {
      requireMethod(req, 'GET')
      const round = Number(m[1])
      if (!/^\d{1,15}$/.test(m[1]!))
        throw new PoetRequestError(400, 'BAD_FIELD', `round: expected an integer, got '${m[1]}'`)
      const memberParam = url.searchParams.get('member')
      const member = memberParam === null ? undefined : parseBytesField(memberParam, 'member', 32)
      const p = service.proof(round, member)
      const body: ProofResponseJson = {
        round,
        statement: bytesToHex(p.stored.statement),
        proof: bytesToHex(p.stored.proof),
        leafCount: p.stored.leafCount,
        memberCount: p.memberCount,
        servicePubkey: bytesToHex(service.servicePubkey),
        ...(p.membership && {
          membership: { leafIndex: p.membership.leafIndex, nodes: p.membership.nodes.map(bytesToHex) },
        }),
      }
      return send(200, body)
    }
    throw new PoetRequestError(404, 'NOT_FOUND', `no route ${req.method} ${route}`)
  } catch (err) {
    const e =
      err instanceof PoetRequestError
        ? err
        : new PoetRequestError(500, 'INTERNAL', err instanceof Error ? err.message : String(err))
    const body: ErrorJson = { error: { code: e.code, message: e.message } }
    if (!res.headersSent)
      res.writeHead(e.status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' })
    res.end(JSON.stringify(body))
  }
}

function info(service: PoetService): PoetInfoJson {
  const p = service.params
  const pow = service.powParams()
  return {
    servicePubkey: bytesToHex(service.servicePubkey),
    genesisMs: p.genesisMs,
    epochDurationMs: p.epochDurationMs,
    phaseShiftMs: p.phaseShiftMs,
    cycleGapMs: p.cycleGapMs,
    openRound: service.openRound(),
    executingRound: service.executingRound,
    pow: { challenge: bytesToHex(pow.challenge), difficulty: pow.difficulty },
  }
}

function requireMethod(req: IncomingMessage, method: string): void {
  if (req.method !== method) {
    throw new PoetRequestError(405, 'METHOD_NOT_ALLOWED', `expected ${method}, got ${req.method}`)
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES)
      throw new PoetRequestError(413, 'BODY_TOO_LARGE', `body: at most ${MAX_BODY_BYTES} bytes`)
    chunks.push(chunk as Buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new PoetRequestError(400, 'BAD_JSON', 'body: not valid JSON')
  }
}
