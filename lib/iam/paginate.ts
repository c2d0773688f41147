import type { Result, ResultAsync } from 'neverthrow'
import type { ApiKey } from './api-key-model'
import type { ListApiKeysInput } from './api-key-operations'
import type { IamError, IamMethod } from './iam-client'

/** What {@link paginate} needs of one page: its items, and what the service says about the whole list. */
export interface PageLike<T> {
  /** The items of this page. */
  readonly result: readonly T[]
  /** How many items there are in all, when the service says. */
  readonly totalCount?: number
}

/**
 * An async iterator over every page of a paged list operation (pages numbered from 1):
 * `fetchPage(pageNo)` is called for page 1, 2, … and each page's items are yielded as `ok`. It
 * stops after the last page (an empty page, a page shorter than `pageSize`, or once
 * `totalCount` items have been yielded), and right after yielding the first `err`: nothing is
 * fetched after an error. It never throws or rejects as long as `fetchPage` never rejects
 * (client methods never do). An empty list yields nothing.
 *
 * @param fetchPage - fetches one page (e.g. `(pageNo) => iam.listApiKeys({ pageNo, pageSize })`)
 * @param pageSize - the page size `fetchPage` asks for: a shorter page is the last one
 */
export async function* paginate<T, E>(
  fetchPage: (pageNo: number) => ResultAsync<PageLike<T>, E> | PromiseLike<Result<PageLike<T>, E>>,
  pageSize: number,
): AsyncGenerator<Result<readonly T[], E>, void, undefined> {
  let seen = 0
  for (let pageNo = 1; ; pageNo += 1) {
    const page = await fetchPage(pageNo)
    if (page.isErr()) {
      yield page.map((value) => value.result)
      return
    }
    const { result, totalCount } = page.value
    if (result.length === 0) return
    seen += result.length
    yield page.map(() => result)
    if (result.length < pageSize || (totalCount !== undefined && seen >= totalCount)) return
  }
}

/** The IAM client methods {@link apiKeyPages} uses (an `IamClient` has them). */
export interface ApiKeyLister {
  /** The `listApiKeys` method of an `IamClient` (or anything with its signature). */
  readonly listApiKeys: IamMethod<'listApiKeys'>
}

/** Page size {@link apiKeyPages} asks for when none is given. */
export const DEFAULT_API_KEY_PAGE_SIZE = 100

/**
 * Every permanent API key of a user, page by page: an async iterator of `Result`s (see
 * {@link paginate}) that stops after the last page or right after the first error.
 *
 * @example
 * ```ts
 * for await (const page of apiKeyPages(iam, { userId })) {
 *   if (page.isErr()) return console.error(page.error.kind)
 *   for (const key of page.value) console.log(key.id, key.name)
 * }
 * ```
 */
export function apiKeyPages(
  iam: ApiKeyLister,
  input: Omit<ListApiKeysInput, 'pageNo'> = {},
): AsyncGenerator<Result<readonly ApiKey[], IamError<'listApiKeys'>>, void, undefined> {
  const pageSize = input.pageSize ?? DEFAULT_API_KEY_PAGE_SIZE
  return paginate((pageNo) => iam.listApiKeys({ ...input, pageNo, pageSize }), pageSize)
}
