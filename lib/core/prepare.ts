import { err, ok, type Result } from 'neverthrow'
import { parseAcl } from '../acl/parse-acl'
import { serializeAcl } from '../acl/serialize-acl'
import { uriEncode } from '../auth/uri-encode'
import { describeValue } from '../decode/describe-value'
import type { ErrorIssue } from '../errors/types'
import type { FieldSpec, HttpMethod, OperationSpec } from './operation'
import { nameProblem } from './validate-name'

/** A validated request, before the per-attempt headers and signature. */
export interface PreparedRequest {
  readonly method: HttpMethod
  /** Encoded path: every segment `UriEncode`d; also the canonical URI that is signed. */
  readonly path: string
  /** `?a=b&flag` as sent, or empty. */
  readonly search: string
  /** Canonical query string that is signed (`flag=` for bare flags). */
  readonly canonicalQuery: string
  /** UTF-8 JSON body, when the operation has one. */
  readonly body?: Buffer
}

type Collected = { path: Map<string, string>; query: Map<string, string>; body: Record<string, unknown>; raw?: string }

/** Marks a value that failed its check (the issue has been recorded). */
const INVALID: unique symbol = Symbol('invalid')

function checkField(key: string, spec: FieldSpec, value: unknown, issues: ErrorIssue[]): unknown {
  const issue = (expected: string, actual = describeValue(value)): typeof INVALID => {
    issues.push({ path: `input.${key}`, expected, actual })
    return INVALID
  }
  switch (spec.type) {
    case 'name': {
      if (typeof value !== 'string') return issue('string (a name)')
      const problem = nameProblem(value, spec.maxLength)
      return problem === undefined ? value : issue(`a name that ${problem}`)
    }
    case 'string': {
      if (typeof value !== 'string') return issue('string', spec.secret === true ? typeof value : undefined)
      const min = spec.minLength ?? 0
      const max = spec.maxLength ?? Number.POSITIVE_INFINITY
      if (value.length < min || value.length > max) {
        const range = spec.maxLength === undefined ? `at least ${min}` : `${min} to ${max}`
        return issue(`string of ${range} characters`, spec.secret === true ? `${value.length} characters` : undefined)
      }
      return value
    }
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? value : issue(`one of ${spec.values.join(', ')}`)
    case 'boolean':
      return typeof value === 'boolean' ? value : issue('boolean')
    case 'integer': {
      const min = spec.min ?? Number.MIN_SAFE_INTEGER
      const max = spec.max ?? Number.MAX_SAFE_INTEGER
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max
        ? value
        : issue(`integer from ${min} to ${max}`)
    }
    case 'document':
      return serialiseDocument(key, value, spec.requireResource, issues)
  }
}

/** An ACL document as sent: checked with the ACL grammar; objects are serialised canonically. */
function serialiseDocument(key: string, value: unknown, requireResource: boolean, issues: ErrorIssue[]): string | typeof INVALID {
  if (typeof value !== 'string' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    issues.push({ path: `input.${key}`, expected: 'ACL document: an object or a JSON string', actual: describeValue(value) })
    return INVALID
  }
  const checked = parseAcl(value, { requireResource })
  if (checked.isErr()) {
    for (const issue of checked.error.issues ?? []) {
      issues.push({ ...issue, path: issue.path === '(root)' ? `input.${key}` : `input.${key}.${issue.path}` })
    }
    return INVALID
  }
  return typeof value === 'string' ? value : serializeAcl(checked.value)
}

function place(key: string, spec: FieldSpec, value: unknown, into: Collected): void {
  const wire = spec.wire ?? key
  switch (spec.in) {
    case 'path':
      into.path.set(key, uriEncode(value as string))
      return
    case 'query':
      into.query.set(wire, String(value))
      return
    case 'body':
      into.body[wire] = value
      return
    case 'rawBody':
      into.raw = value as string
      return
  }
}

/**
 * Validates an operation's input against its declared fields and builds the request parts.
 * Every problem is reported (not only the first); nothing is sent when there is any.
 */
export function prepareRequest<I>(spec: OperationSpec<I, unknown>, input: unknown): Result<PreparedRequest, ErrorIssue[]> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return err([{ path: 'input', expected: 'object', actual: describeValue(input) }])
  }
  const record = input as Record<string, unknown>
  const issues: ErrorIssue[] = []
  const collected: Collected = { path: new Map(), query: new Map(), body: {} }
  for (const key of Object.keys(spec.fields) as Array<keyof I & string>) {
    const fieldSpec: FieldSpec = spec.fields[key]
    const value = record[key]
    if (value === undefined) {
      if (fieldSpec.required === true) issues.push({ path: `input.${key}`, expected: 'a value (required)', actual: 'undefined' })
      continue
    }
    const checked = checkField(key, fieldSpec, value, issues)
    if (checked !== INVALID) place(key, fieldSpec, checked, collected)
  }
  if (issues.length > 0) return err(issues)
  const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => collected.path.get(name) ?? '')
  const wireQuery: string[] = []
  const signedQuery: string[] = []
  for (const flag of spec.flags ?? []) {
    wireQuery.push(uriEncode(flag))
    signedQuery.push(`${uriEncode(flag)}=`)
  }
  for (const [key, value] of collected.query) {
    const pair = `${uriEncode(key)}=${uriEncode(value)}`
    wireQuery.push(pair)
    signedQuery.push(pair)
  }
  const bodyText = collected.raw ?? (Object.keys(collected.body).length > 0 || hasBodyFields(spec) ? JSON.stringify(collected.body) : undefined)
  return ok({
    method: spec.method,
    path,
    search: wireQuery.length === 0 ? '' : `?${wireQuery.join('&')}`,
    canonicalQuery: signedQuery.sort().join('&'),
    ...(bodyText === undefined ? {} : { body: Buffer.from(bodyText, 'utf8') }),
  })
}

function hasBodyFields(spec: OperationSpec<unknown, unknown>): boolean {
  return Object.values<FieldSpec>(spec.fields).some((field) => field.in === 'body')
}
