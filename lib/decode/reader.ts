import { isLeft } from 'fp-ts/Either'
import type * as t from 'io-ts'
import { err, ok, type Result } from 'neverthrow'
import { nestIssue, renderIssue } from '../errors/issue'
import type { ErrorIssue } from '../errors/types'
import { describeValue } from './describe-value'
import { fastPathOf } from './derive'
import { REJECTED } from './fast-path'
import { issuesFromIoTs } from './issues'
import type { ResponseReader } from './response'

/**
 * Reads a JSON body with an io-ts codec; the fp-ts `Either` never leaves this function. The
 * fast path derived from the codec's structure (see derive.ts), when it has one, is tried first;
 * the codec itself decides whatever the fast path does not vouch for, and builds the issues.
 */
export function codecReader<T>(codec: t.Decoder<unknown, T>): ResponseReader<T> {
  const fast = fastPathOf(codec)
  const slow = (json: unknown): Result<T, readonly ErrorIssue[]> => {
    const decoded = codec.decode(json)
    return isLeft(decoded) ? err(issuesFromIoTs(decoded.left).map(renderIssue)) : ok(decoded.right)
  }
  if (fast === undefined) return { kind: 'json', read: slow }
  return {
    kind: 'json',
    read: (json): Result<T, readonly ErrorIssue[]> => {
      const value = fast(json)
      return value === REJECTED ? slow(json) : ok(value)
    },
  }
}

/**
 * Reads a list wrapper such as `{ "users": [...] }` into the array; a missing or `null` list is
 * an empty list (the service omits empty fields), anything else must decode item by item (fast
 * path first, as in {@link codecReader}).
 */
export function listReader<T>(key: string, item: t.Decoder<unknown, T>): ResponseReader<readonly T[]> {
  const fast = fastPathOf(item)
  return {
    kind: 'json',
    read: (json): Result<readonly T[], readonly ErrorIssue[]> => {
      if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        return err([renderIssue({ path: [], expected: `object with "${key}" array`, actual: describeValue(json) })])
      }
      const list = (json as Record<string, unknown>)[key]
      if (list === undefined || list === null) return ok([])
      if (!Array.isArray(list))
        return err([renderIssue({ path: [key], expected: 'array', actual: describeValue(list) })])
      const items: T[] = new Array<T>(list.length)
      const issues: ErrorIssue[] = []
      for (let index = 0; index < list.length; index += 1) {
        const element: unknown = list[index]
        const value = fast === undefined ? REJECTED : fast(element)
        if (value !== REJECTED) {
          items[index] = value
          continue
        }
        const decoded = item.decode(element)
        if (isLeft(decoded)) {
          for (const issue of issuesFromIoTs(decoded.left, 5)) issues.push(renderIssue(nestIssue([key, index], issue)))
          if (issues.length >= 20) break
        } else {
          items[index] = decoded.right
        }
      }
      return issues.length > 0 ? err(issues) : ok(items)
    },
  }
}

/** A reader for answers whose body is ignored. */
export function ignoreBody(): ResponseReader<void> {
  return { kind: 'ignore', value: undefined }
}
