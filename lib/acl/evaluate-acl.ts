import { GlobCache, matchGlob } from './glob'
import { isRecord } from './record'
import type { Acl, AclEffect, AclStatement } from './types'

/** The access being checked by {@link evaluateAcl}. Every field is a literal value, not a pattern. */
export interface AclRequest {
  /** Service of the action, e.g. `bce:bos`. */
  readonly service: string
  /** Region of the action, e.g. `bj`. */
  readonly region: string
  /** Resource acted on, e.g. `my-bucket/logs/2024/app.log` or `role/<roleId>`. */
  readonly resource: string
  /** Permission needed, e.g. `READ` or `AssumeRole`. */
  readonly permission: string
  /**
   * The calling principal (an account id, or a sub-user's id) for resource-based documents such
   * as role trust policies. Without it, `Allow` statements carrying `grantee` are ignored and
   * `Deny` statements carrying `grantee` apply (fail closed).
   */
  readonly principal?: string | undefined
}

/** The outcome: `ExplicitDeny` when a matching statement denies, else `Allow` when one allows. */
export type AclDecision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'

/** A statement that matched the request, and where it was found. */
export interface MatchedStatement {
  /** Index of the document in the list given to {@link evaluateAcl}. */
  readonly documentIndex: number
  /** Index of the statement in that document's `accessControlList`. */
  readonly statementIndex: number
  /** The statement that matched, as written in its document. */
  readonly statement: AclStatement
  /** The matched statement's effect (`Allow` or `Deny`). */
  readonly effect: AclEffect
}

/** The decision of {@link evaluateAcl} and the statements that led to it, in document order. */
export interface AclEvaluation {
  /**
   * `ExplicitDeny` when a matching statement denies, else `Allow` when one allows, else
   * `ImplicitDeny`.
   */
  readonly decision: AclDecision
  /** Every matching statement (both effects), in document then statement order. */
  readonly matched: readonly MatchedStatement[]
}

/** Grants every permission of the statement's service (an SDK and emulator assumption). */
const FULL_CONTROL = 'FULL_CONTROL'

const caseSensitive = new GlobCache()
const caseInsensitive = new GlobCache((pattern) => pattern.toLowerCase())

const IMPLICIT_DENY: AclEvaluation = Object.freeze({ decision: 'ImplicitDeny', matched: Object.freeze([]) })

/** The request with the service lower-cased once, or undefined when a field is not a string. */
interface NormalisedRequest {
  readonly service: string
  readonly region: string
  readonly resource: string
  readonly permission: string
  readonly principal: string | undefined
}

function normalise(request: unknown): NormalisedRequest | undefined {
  if (!isRecord(request)) return undefined
  const { service, region, resource, permission, principal } = request
  if (
    typeof service !== 'string' ||
    typeof region !== 'string' ||
    typeof resource !== 'string' ||
    typeof permission !== 'string'
  )
    return undefined
  if (principal !== undefined && typeof principal !== 'string') return undefined
  return { service: service.toLowerCase(), region, resource, permission, principal }
}

/**
 * Whether one of `patterns` matches `value`. A list that cannot be read (not an array, or an
 * entry that is not a string) matches for a `Deny` (`failClosed`) and never for an `Allow`, so
 * `permission: "*"` or `["READ", null]` in an `Allow` grants nothing.
 */
function anyMatches(
  patterns: unknown,
  value: string,
  cache: GlobCache,
  failClosed: boolean,
  implied?: string,
): boolean {
  if (!Array.isArray(patterns)) return failClosed
  const list = patterns as readonly unknown[]
  if (!list.every((pattern) => typeof pattern === 'string')) return failClosed
  for (const pattern of list) {
    if (pattern === implied || matchGlob(cache.get(pattern), value)) return true
  }
  return false
}

/** Whether one pattern field matches; for a `Deny`, a field that is not a string matches. */
function fieldMatches(pattern: unknown, value: string, cache: GlobCache, failClosed: boolean): boolean {
  return typeof pattern === 'string' ? matchGlob(cache.get(pattern), value) : failClosed
}

function granteeMatches(grantee: unknown, principal: string | undefined, failClosed: boolean): boolean {
  if (grantee === undefined) return true
  const readable =
    Array.isArray(grantee) && (grantee as readonly unknown[]).every((e) => isRecord(e) && typeof e.id === 'string')
  // A Deny naming grantees applies unless the caller is known and provably not among them.
  if (principal === undefined || !readable) return failClosed
  return (grantee as readonly Readonly<Record<string, unknown>>[]).some(
    (entry) => entry.id === principal || entry.id === '*',
  )
}

function statementMatches(statement: AclStatement, request: NormalisedRequest): boolean {
  const { service, region, resource, permission, grantee } = statement
  const failClosed = statement.effect === 'Deny'
  if (!granteeMatches(grantee, request.principal, failClosed)) return false
  if (!fieldMatches(service, request.service, caseInsensitive, failClosed)) return false
  if (!fieldMatches(region, request.region, caseSensitive, failClosed)) return false
  if (!anyMatches(permission, request.permission, caseSensitive, failClosed, FULL_CONTROL)) return false
  if (resource === undefined) return grantee !== undefined || failClosed
  return anyMatches(resource, request.resource, caseSensitive, failClosed)
}

/**
 * The effect with which one statement applies to the request, or undefined when it does not.
 * A statement that cannot even be read (a throwing getter, a revoked proxy) is skipped when it
 * is an `Allow`, and applies as a `Deny` otherwise (its effect unreadable included): one bad
 * statement never aborts the evaluation of the others, and never fails open.
 */
function appliesWith(statement: unknown, request: NormalisedRequest): AclEffect | undefined {
  let effect: unknown
  try {
    if (!isRecord(statement)) return undefined
    effect = statement.effect
    if (effect !== 'Allow' && effect !== 'Deny') return undefined
    return statementMatches(statement as unknown as AclStatement, request) ? effect : undefined
  } catch {
    return effect === 'Allow' ? undefined : 'Deny'
  }
}

function collectMatches(acls: readonly Acl[], request: NormalisedRequest): MatchedStatement[] {
  const matched: MatchedStatement[] = []
  for (let documentIndex = 0; documentIndex < acls.length; documentIndex += 1) {
    const document: unknown = acls[documentIndex]
    const list = isRecord(document) ? document.accessControlList : undefined
    if (!Array.isArray(list)) continue
    for (let statementIndex = 0; statementIndex < list.length; statementIndex += 1) {
      const statement: unknown = list[statementIndex]
      const effect = appliesWith(statement, request)
      if (effect !== undefined) {
        matched.push(Object.freeze({ documentIndex, statementIndex, statement: statement as AclStatement, effect }))
      }
    }
  }
  return matched
}

/**
 * Decides locally whether `acls` (the caller's policies together) permit `request`, the way
 * the emulator does. Pure, total and fast (patterns are compiled once and cached; no regular
 * expressions are built).
 *
 * A statement matches when all of these hold:
 * - **service** matches, compared case-insensitively (BCE service ids are lower-case);
 *   `bce:bos` and `bos` are different services;
 * - **region** matches (case-sensitive);
 * - **permission**: one entry matches, or one entry is `FULL_CONTROL`, which is taken to imply
 *   every permission of the statement's service (an SDK/emulator assumption; BCE does not
 *   document it);
 * - **resource**: one entry matches (case-sensitive). A statement without `resource` matches no
 *   request, unless it carries `grantee`: resource-based statements (a role's trust policy) apply
 *   to the resource they are attached to, so they match any resource;
 * - **grantee**: a statement without `grantee` applies to every caller. An `Allow` with
 *   `grantee` is ignored unless `request.principal` is given, and then matches only when a
 *   grantee id equals the principal or is `*`.
 *
 * Patterns: `*` matches any run of characters, possibly empty and including `/`; every other
 * character is literal. So `*` alone matches anything; `bucket/path/*` matches `bucket/path/`
 * and `bucket/path/a/b` but not `bucket/path`; `a*c` matches `abc` and `ac`. Request fields are
 * literal values (a `*` in the request only matches a pattern that matches the character `*`).
 *
 * Decision: `ExplicitDeny` if any matching statement has effect `Deny` (deny overrides allow,
 * whatever the order); otherwise `Allow` if any matching statement allows; otherwise
 * `ImplicitDeny`. `matched` lists every matching statement of either effect.
 *
 * **A `Deny` fails closed**: it denies unless it provably does not apply. A `Deny` with
 * `grantee` applies when `request.principal` is absent (an identity policy carrying a grantee
 * still denies its holder) or when the grantee list cannot be read; a `Deny` field of the wrong
 * type (a `service` that is not a string, a `permission` or `resource` that is not an array of
 * strings) counts as matching, and so does a missing `resource`. An `Allow` is the opposite:
 * what cannot be read never grants. So values that bypass the `Acl` type never widen access; a
 * malformed request field yields `ImplicitDeny`. A statement that cannot be read at all (a
 * throwing getter, a revoked proxy) is skipped if it is an `Allow` and applies as a `Deny`
 * otherwise; it never stops the other statements from being evaluated. Validate untrusted documents first with
 * {@link parseAcl} or {@link validateAcl}.
 *
 * @example
 * evaluateAcl([policy], { service: 'bce:bos', region: 'bj', resource: 'logs/a.txt', permission: 'READ' })
 * evaluateAcl([trust], { service: 'bce:iam', region: '*', resource: 'role/' + roleId, permission: 'AssumeRole', principal: accountId })
 */
export function evaluateAcl(acls: readonly Acl[], request: AclRequest): AclEvaluation {
  try {
    const normalised = normalise(request)
    if (normalised === undefined || !Array.isArray(acls)) return IMPLICIT_DENY
    const matched = collectMatches(acls, normalised)
    if (matched.length === 0) return IMPLICIT_DENY
    const decision: AclDecision = matched.some((match) => match.effect === 'Deny') ? 'ExplicitDeny' : 'Allow'
    return Object.freeze({ decision, matched: Object.freeze(matched) })
  } catch {
    return IMPLICIT_DENY
  }
}
