/**
 * The body work of the honest floor: what a careful hand-written client does with a getUser
 * answer to hand back the same `User` the SDK returns. It checks the required `id`/`name`
 * strings and the type of every optional field, turns the BCE date strings into `Date`s
 * (rejecting malformed ones), omits absent fields, and copies the result into a fresh object.
 * It does no more than that (no error values, no issue paths): a floor, not a decoder.
 */
import type { User } from '../lib/index'

/** `YYYY-MM-DDTHH:mm:ssZ`, the only date shape the canned server sends. */
const BCE_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/

/** Epoch ms of an optional date field: undefined when absent, NaN when present but not a BCE date. */
function dateMs(value: unknown): number | undefined {
  if (value === undefined) return undefined
  return typeof value === 'string' && BCE_DATE.test(value) ? Date.parse(value) : Number.NaN
}

const optionalOf = (value: unknown, type: 'string' | 'boolean'): boolean => value === undefined || typeof value === type

type MutableUser = { -readonly [K in keyof User]: User[K] }

/** The `User` in a parsed getUser body, or undefined when the body does not hold one. */
export function shapeUser(body: unknown): User | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined
  const value = body as Record<string, unknown>
  const { id, name, description, enabled, contact } = value
  if (typeof id !== 'string' || typeof name !== 'string') return undefined
  if (!optionalOf(description, 'string') || !optionalOf(enabled, 'boolean') || !optionalOf(contact, 'string'))
    return undefined
  const createTime = dateMs(value.createTime)
  const joinTime = dateMs(value.joinTime)
  const lastLoginTime = dateMs(value.lastLoginTime)
  if (Number.isNaN(createTime) || Number.isNaN(joinTime) || Number.isNaN(lastLoginTime)) return undefined
  const user: MutableUser = { id, name }
  if (createTime !== undefined) user.createTime = new Date(createTime)
  if (description !== undefined) user.description = description as string
  if (enabled !== undefined) user.enabled = enabled as boolean
  if (contact !== undefined) user.contact = contact as string
  if (joinTime !== undefined) user.joinTime = new Date(joinTime)
  if (lastLoginTime !== undefined) user.lastLoginTime = new Date(lastLoginTime)
  return user
}
