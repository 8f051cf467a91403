/**
 * A small typed client of the PoET HTTP API (poetApiTypes.ts). Errors from the service come back
 * as PoetClientError with the service's `code` and HTTP status, so callers can retry on
 * PROOF_NOT_READY and give up on the rest.
 */
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js'
import { publicKeyFromSeed, SigningDomain, signMessage } from '../../src/core/crypto/index.ts'
import {
  decodePoetProof,
  type MembershipProof,
  type PoetProof,
  solveRegistrationPow,
} from '../../src/core/poet/index.ts'
import type {
  ErrorJson,
  PoetInfoJson,
  ProofResponseJson,
  SubmitRequestJson,
  SubmitResponseJson,
} from './poetApiTypes.ts'

export class PoetClientError extends Error {
  override readonly name = 'PoetClientError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${code} (${status}): ${message}`)
  }
}

export interface PoetRoundProof {
  readonly round: number
  readonly statement: Uint8Array
  readonly proof: PoetProof
  /** The raw SCALE bytes, e.g. to compute go-spacemesh's PoetProofRef = blake3(bytes). */
  readonly proofBytes: Uint8Array
  readonly memberCount: number
  readonly servicePubkey: Uint8Array
  readonly membership?: MembershipProof
}

export class PoetClient {
  constructor(readonly url: string) {}

  info(): Promise<PoetInfoJson> {
    return this.request<PoetInfoJson>('GET', '/v1/info')
  }

  /** Sends a prepared registration. */
  submit(body: SubmitRequestJson): Promise<SubmitResponseJson> {
    return this.request<SubmitResponseJson>('POST', '/v1/submit', body)
  }

  /**
   * Registers `challenge` for the node whose ed25519 seed is given: signs it as go-spacemesh does
   * (genesisId ‖ POET domain ‖ challenge) and solves the service's current PoW.
   */
  async register(o: {
    seed: Uint8Array
    genesisId: Uint8Array
    challenge: Uint8Array
    deadlineMs?: number
  }): Promise<SubmitResponseJson> {
    const { pow } = await this.info()
    const pubkey = publicKeyFromSeed(o.seed)
    const powChallenge = hexToBytes(pow.challenge)
    const nonce = solveRegistrationPow(powChallenge, pubkey, o.challenge, pow.difficulty)
    const prefix = new Uint8Array([...o.genesisId, SigningDomain.POET])
    return this.submit({
      challenge: bytesToHex(o.challenge),
      pubkey: bytesToHex(pubkey),
      signature: bytesToHex(signMessage(o.seed, o.genesisId, SigningDomain.POET, o.challenge)),
      prefix: bytesToHex(prefix),
      nonce,
      powChallenge: pow.challenge,
      ...(o.deadlineMs !== undefined && { deadlineMs: o.deadlineMs }),
    })
  }

  /** The round's proof, decoded; with `member`, also that challenge's membership proof. */
  async proof(round: number, member?: Uint8Array): Promise<PoetRoundProof> {
    const query = member === undefined ? '' : `?member=${bytesToHex(member)}`
    const r = await this.request<ProofResponseJson>('GET', `/v1/proofs/${round}${query}`)
    const proofBytes = hexToBytes(r.proof)
    return {
      round: r.round,
      statement: hexToBytes(r.statement),
      proof: decodePoetProof(proofBytes),
      proofBytes,
      memberCount: r.memberCount,
      servicePubkey: hexToBytes(r.servicePubkey),
      ...(r.membership && {
        membership: { leafIndex: r.membership.leafIndex, nodes: r.membership.nodes.map(hexToBytes) },
      }),
    }
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.url + path, {
      method,
      ...(body !== undefined && {
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
    })
    const json = (await res.json()) as unknown
    if (!res.ok) {
      const e = (json as Partial<ErrorJson>).error
      throw new PoetClientError(res.status, e?.code ?? 'UNKNOWN', e?.message ?? res.statusText)
    }
    return json as T
  }
}
