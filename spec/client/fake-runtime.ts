import { err, ok, type Result } from 'neverthrow'
import type { BceError } from '../../lib'
import { createRuntime, type Runtime } from '../../lib/client/runtime'
import type { HttpRequest, SendOutcome, Transport } from '../../lib/http/transport'
import type { TransportFailure } from '../../lib/http/transport-error'

/** What the fake transport was asked to send, per attempt. */
export interface SentRequest {
  readonly request: HttpRequest
  readonly deadline: number
  readonly signal: AbortSignal | undefined
}

/** Answers the n-th request (1-based) of a fake transport. */
export type Script = (request: HttpRequest, n: number) => SendOutcome | Promise<SendOutcome>

/** A JSON answer. */
export function answer(statusCode: number, body: unknown = {}, headers: Record<string, string> = {}): SendOutcome {
  return ok({
    statusCode,
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.from(JSON.stringify(body)),
  })
}

/** A transport failure (no answer). */
export function failure(
  reason: TransportFailure['reason'],
  mayHaveBeenSent: boolean,
  statusCode?: number,
  message = `${reason} failure`,
): SendOutcome {
  return err({
    reason,
    mayHaveBeenSent,
    message,
    cause: { name: 'Error', code: 'ECONNRESET', message: 'socket' },
    ...(statusCode === undefined ? {} : { statusCode }),
  })
}

/** Answers from a list, then with the last entry forever. */
export function sequence(...outcomes: SendOutcome[]): Script {
  return (_request, n) => outcomes[Math.min(n, outcomes.length) - 1] as SendOutcome
}

/** A user body every user-returning operation decodes. */
export const USER = { id: 'u-1', name: 'alice' }

/**
 * A real client runtime (validated by `createRuntime`) whose transport is a script: no sockets,
 * every sent request recorded. `random` is fixed at 0.5 unless overridden.
 */
export function fakeRuntime(
  config: Record<string, unknown>,
  script: Script,
  overrides: Partial<Runtime> = {},
): { runtime: Result<Runtime, BceError>; rt: Runtime; sent: SentRequest[] } {
  const sent: SentRequest[] = []
  const base = createRuntime(
    {
      credentials: { accessKeyId: 'ak-test', secretAccessKey: 'sk-test' },
      endpoint: 'http://127.0.0.1:9',
      allowInsecureHttp: true,
      ...config,
    },
    'https://iam.bj.baidubce.com',
  )._unsafeUnwrap()
  // The client's real transport (its pool is created lazily, so never) with `send` replaced.
  const transport: Transport = base.transport
  Object.defineProperty(transport, 'send', {
    value: (request: HttpRequest, deadline: number, signal?: AbortSignal): Promise<SendOutcome> => {
      sent.push({ request, deadline, signal })
      try {
        return Promise.resolve(script(request, sent.length))
      } catch (cause) {
        return Promise.reject(cause instanceof Error ? cause : new Error(String(cause)))
      }
    },
  })
  const rt: Runtime = { ...base, transport, random: () => 0.5, ...overrides }
  return { runtime: ok(rt), rt, sent }
}
