import { err, ok, type Result } from 'neverthrow'
import { uriEncode } from '../auth/uri-encode'
import { describeValue } from '../decode/describe-value'
import { nestIssue, renderIssue } from '../errors/issue'
import type { ErrorIssue } from '../errors/types'
import type { PreparedRequest } from '../http/prepared-request'
import type { FieldSpec, OperationSpec } from './operation'
import { compileOperation, type CompiledField } from './compile-operation'
import { nameProblem } from './validate-name'

export type { PreparedRequest } from '../http/prepared-request'

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
      return typeof value === 'string' && spec.values.includes(value)
        ? value
        : issue(`one of ${spec.values.join(', ')}`)
    case 'boolean':
      return typeof value === 'boolean' ? value : issue('boolean')
    case 'integer': {
      const min = spec.min ?? Number.MIN_SAFE_INTEGER
      const max = spec.max ?? Number.MAX_SAFE_INTEGER
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= max
        ? value
        : issue(`integer from ${min} to ${max}`)
    }
    case 'codec': {
      const encoded = spec.codec.encode(value)
      if (encoded.isOk()) return encoded.value
      for (const found of encoded.error) issues.push(renderIssue(nestIssue(['input', key], found)))
      return INVALID
    }
  }
}

/** A checked query value (string, number or boolean) as sent. */
function queryText(value: unknown): string {
  return String(value)
}

/**
 * Validates an operation's input against its declared fields and builds the request parts.
 * Every problem is reported (not only the first); nothing is sent when there is any.
 */
export function prepareRequest<I>(
  spec: OperationSpec<I, unknown>,
  input: unknown,
): Result<PreparedRequest, ErrorIssue[]> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return err([{ path: 'input', expected: 'object', actual: describeValue(input) }])
  }
  const op = compileOperation(spec)
  const record = input as Record<string, unknown>
  const issues: ErrorIssue[] = []
  const values: unknown[] = new Array<unknown>(op.fields.length)
  for (let i = 0; i < op.fields.length; i += 1) {
    const field = op.fields[i] as CompiledField
    const value = record[field.key]
    if (value === undefined) {
      if (field.spec.required === true)
        issues.push({ path: `input.${field.key}`, expected: 'a value (required)', actual: 'undefined' })
      continue
    }
    values[i] = checkField(field.key, field.spec, value, issues)
  }
  if (issues.length > 0) return err(issues)
  let path = op.pathParts[0] as string
  for (let j = 1; j < op.pathParts.length; j += 2) {
    const slot = op.pathSlots[(j - 1) / 2] as number
    const value = slot === -1 ? undefined : values[slot]
    path += `${value === undefined ? '' : uriEncode(value as string)}${op.pathParts[j + 1] as string}`
  }
  let query: Map<string, string> | undefined
  let body: Record<string, unknown> | undefined
  let raw: string | undefined
  let secrets: string[] | undefined
  for (const i of op.placed) {
    const value = values[i]
    if (value === undefined) continue
    const field = op.fields[i] as CompiledField
    if (field.spec.type === 'string' && field.spec.secret === true) (secrets ??= []).push(value as string)
    if (field.spec.in === 'query') (query ??= new Map()).set(field.wire, queryText(value))
    else if (field.spec.in === 'body') (body ??= {})[field.wire] = value
    else raw = value as string
  }
  let search = ''
  let canonicalQuery = ''
  if (op.flags.length > 0 || query !== undefined) {
    const wireQuery: string[] = [...op.flags]
    const signedQuery: string[] = op.flags.map((flag) => `${flag}=`)
    for (const [key, value] of query ?? []) {
      const pair = `${uriEncode(key)}=${uriEncode(value)}`
      wireQuery.push(pair)
      signedQuery.push(pair)
    }
    search = `?${wireQuery.join('&')}`
    canonicalQuery = signedQuery.sort().join('&')
  }
  const bodyText = raw ?? (op.hasBodyFields ? JSON.stringify(body ?? {}) : undefined)
  const target = search.length === 0 ? path : `${path}${search}`
  const prepared: PreparedRequest =
    bodyText === undefined
      ? { method: spec.method, path, search, canonicalQuery, target }
      : { method: spec.method, path, search, canonicalQuery, target, body: Buffer.from(bodyText, 'utf8') }
  return ok(secrets === undefined ? prepared : { ...prepared, secrets })
}
