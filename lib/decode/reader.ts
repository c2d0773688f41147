import { isLeft } from 'fp-ts/Either'
import type * as t from 'io-ts'
import { err, ok, type Result } from 'neverthrow'
import type { ErrorIssue } from '../errors/types'
import { describeValue } from './describe-value'
import { issuesFromIoTs } from './issues'
import type { ResponseReader } from './response'

/** Reads a JSON body with an io-ts codec; the fp-ts `Either` never leaves this function. */
export function codecReader<T>(codec: t.Decoder<unknown, T>): ResponseReader<T> {
  return {
    kind: 'json',
    read: (json): Result<T, readonly ErrorIssue[]> => {
      const decoded = codec.decode(json)
      return isLeft(decoded) ? err(issuesFromIoTs(decoded.left)) : ok(decoded.right)
    },
  }
}

/**
 * Reads a list wrapper such as `{ "users": [...] }` into the array; a missing or `null` list is
 * an empty list (the service omits empty fields), anything else must decode item by item.
 */
export function listReader<T>(key: string, item: t.Decoder<unknown, T>): ResponseReader<readonly T[]> {
  return {
    kind: 'json',
    read: (json): Result<readonly T[], readonly ErrorIssue[]> => {
      if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        return err([{ path: '(root)', expected: `object with "${key}" array`, actual: describeValue(json) }])
      }
      const list = (json as Record<string, unknown>)[key]
      if (list === undefined || list === null) return ok([])
      if (!Array.isArray(list)) return err([{ path: key, expected: 'array', actual: describeValue(list) }])
      const items: T[] = new Array<T>(list.length)
      const issues: ErrorIssue[] = []
      for (let index = 0; index < list.length; index += 1) {
        const decoded = item.decode(list[index])
        if (isLeft(decoded)) {
          for (const issue of issuesFromIoTs(decoded.left, 5)) {
            issues.push({ ...issue, path: issue.path === '(root)' ? `${key}.${index}` : `${key}.${index}.${issue.path}` })
          }
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
