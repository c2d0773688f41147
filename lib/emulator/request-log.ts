import type { OperationName } from 'bce-iam'

/** One API request as the emulator saw it: never headers, bodies, secrets or tokens. */
export interface RequestLogEntry {
  /** The HTTP method of the request (`GET`, `POST`, `PUT`, `DELETE`). */
  readonly method: string
  /** The path exactly as received (still percent-encoded). */
  readonly path: string
  /** The query exactly as received (an `authorization` parameter's value is redacted). */
  readonly query: string
  /** The status answered. */
  readonly status: number
  /** The error code answered, for a failure. */
  readonly code?: string
  /** The SDK method the request addressed, when a route matched. */
  readonly operation?: OperationName
  /** The access key id named in the Authorization header, when it parses. */
  readonly accessKeyId?: string
  /** The `x-bce-request-id` answered. */
  readonly requestId: string
  /** When the request was answered, emulator clock, ISO 8601 with milliseconds. */
  readonly time: string
  /** The type of the fault injected into this request, if any (see the faults API). */
  readonly fault?: string
}

/** How many entries the log keeps (the oldest are dropped first). */
export const REQUEST_LOG_CAPACITY = 10_000

/**
 * Percent-decodes a query parameter name leniently (valid `%XX` escapes decoded, anything else
 * kept), so `%61uthorization` and `Authorization%` compare as what a server would read.
 */
function decodedName(name: string): string {
  return name.replace(/%([0-9A-Fa-f]{2})/g, (_escape, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}

/**
 * Replaces the value of any `authorization` query parameter (a presigned request's signature),
 * whatever the case of its name and however it is percent-encoded (`%61uthorization`).
 */
export function redactQuery(rawQuery: string): string {
  if (!/authorization|%/i.test(rawQuery)) return rawQuery
  return rawQuery
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=')
      const key = eq === -1 ? part : part.slice(0, eq)
      return eq !== -1 && decodedName(key).trim().toLowerCase() === 'authorization' ? `${key}=REDACTED` : part
    })
    .join('&')
}

/**
 * A bounded, in-order log of API requests (admin requests are never recorded): a ring buffer, so
 * recording costs the same whether or not the log is full (no array shifting per request).
 */
export class RequestLog {
  #entries: RequestLogEntry[] = []
  /** Where the oldest entry is, once the buffer is full (the next entry overwrites it). */
  #start = 0
  readonly #capacity: number

  constructor(capacity: number = REQUEST_LOG_CAPACITY) {
    this.#capacity = capacity
  }

  /** Appends an entry, dropping the oldest beyond capacity. */
  record(entry: RequestLogEntry): void {
    if (this.#capacity <= 0) return
    if (this.#entries.length < this.#capacity) {
      this.#entries.push(entry)
      return
    }
    this.#entries[this.#start] = entry
    this.#start = (this.#start + 1) % this.#capacity
  }

  /** A copy of the entries, oldest first. */
  entries(): readonly RequestLogEntry[] {
    return [...this.#entries.slice(this.#start), ...this.#entries.slice(0, this.#start)]
  }

  /** Forgets every entry. */
  clear(): void {
    this.#entries = []
    this.#start = 0
  }
}
