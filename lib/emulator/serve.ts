import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isAdminPath } from './admin/admin-api'
import type { EmulatorCore } from './emulator-core'
import type { Fault } from './faults/fault'
import {
  MAX_REQUEST_BYTES,
  readWireRequest,
  renderHtml,
  renderOutcome,
  writeAnswer,
  writeAnswerSlowly,
  writeAnswerTruncated,
} from './http-server'
import { operationOf, parseRequest, type ParsedRequest } from './parsed-request'
import type { EmulatorCode } from './error-codes'
import { fail, type Outcome } from './wire'

/**
 * The code an injected status carries: the one the official Go SDK reports for that status when
 * an error body has none (`bce/response.go`), and Baidu's documented `InternalError` for 500.
 */
const CODE_FOR_STATUS: Readonly<Record<number, EmulatorCode>> = {
  429: 'TooManyRequests',
  500: 'InternalError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
}

function handleSafely(core: EmulatorCore, request: ParsedRequest, requestId: string, fault?: string): Outcome {
  try {
    return core.handle(request, requestId, fault)
  } catch {
    return fail(500, 'InternalError', 'the emulator failed to handle the request')
  }
}

/** Answers one request under an injected fault. */
function serveFault(
  core: EmulatorCore,
  request: ParsedRequest,
  requestId: string,
  fault: Fault,
  res: ServerResponse,
): void {
  const now = (): number => core.state.clock.now()
  const rendered = (tag: string) => renderOutcome(handleSafely(core, request, requestId, tag), requestId, now())
  switch (fault.type) {
    case 'status': {
      const code = CODE_FOR_STATUS[fault.status] ?? 'InternalError'
      core.logInjected(request, requestId, 'status', fault.status, code)
      const extra: Record<string, string> = fault.retryAfter === undefined ? {} : { 'retry-after': fault.retryAfter }
      writeAnswer(res, renderOutcome(fail(fault.status, code, 'injected fault'), requestId, now(), extra))
      return
    }
    case 'reset':
      core.logInjected(request, requestId, 'reset', 0)
      res.socket?.resetAndDestroy()
      return
    case 'applyThenReset':
      handleSafely(core, request, requestId, 'applyThenReset')
      res.socket?.resetAndDestroy()
      return
    case 'stall':
      if (fault.ms === undefined) {
        core.logInjected(request, requestId, 'stall', 0)
        return
      }
      setTimeout(() => {
        writeAnswer(res, rendered('stall'))
      }, fault.ms).unref()
      return
    case 'slowBody':
      writeAnswerSlowly(res, rendered('slowBody'), fault.delayMs)
      return
    case 'truncate':
      writeAnswerTruncated(res, rendered('truncate'))
      return
    case 'html':
      core.logInjected(request, requestId, 'html', fault.status)
      writeAnswer(res, renderHtml(fault.status, requestId, now()))
      return
    case 'clockShift':
      core.state.clock.setOffset(core.state.clock.offsetMs + fault.offsetMs)
      writeAnswer(res, rendered('clockShift'))
      return
  }
}

/**
 * The HTTP request handler: reads the raw request, parses it once (its route, Authorization
 * header, decoded path and query: see {@link ParsedRequest}), takes the fault queued for its
 * operation (API requests only), and answers normally or as the fault dictates. Never throws.
 */
export function requestHandler(core: EmulatorCore): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void readWireRequest(req).then((read) => {
      const requestId = randomUUID()
      if (read.isErr()) {
        const outcome = fail(413, 'EntityTooLarge', `the request body is larger than ${MAX_REQUEST_BYTES} bytes`)
        core.logRejected(read.error, requestId, outcome)
        // Connection: close makes Node end the connection once the answer is out; the rest of the
        // body is never read.
        writeAnswer(res, renderOutcome(outcome, requestId, core.state.clock.now(), { connection: 'close' }))
        return
      }
      const wire = read.value
      const request = parseRequest(wire)
      const fault = isAdminPath(wire.rawPath)
        ? undefined
        : core.faults.take(
            operationOf(request) ?? '(unrouted)',
            requestId,
            new Date(core.state.clock.now()).toISOString(),
          )
      if (fault !== undefined) {
        serveFault(core, request, requestId, fault, res)
        return
      }
      writeAnswer(res, renderOutcome(handleSafely(core, request, requestId), requestId, core.state.clock.now()))
    })
  }
}
