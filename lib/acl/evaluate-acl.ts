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
   * The calling principal (an account id) for resource-based documents such as role trust
   * policies. Without it, statements carrying `grantee` are ignored.
   */
  readonly principal?: string
}

/** The outcome: `ExplicitDeny` when a matching statement denies, else `Allow` when one allows. */
export type AclDecision = 'Allow' | 'ExplicitDeny' | 'ImplicitDeny'

/** A statement that matched the request, and where it was found. */
export interface MatchedStatement {
  /** Index of the document in the list given to {@link evaluateAcl}. */
  readonly documentIndex: number
  /** Index of the statement in that document's `accessControlList`. */
  readonly statementIndex: number
  readonly statement: AclStatement
  readonly effect: AclEffect
}

/** The decision of {@link evaluateAcl} and the statements that led to it, in document order. */
export interface AclEvaluation {
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

function anyMatches(patterns: unknown, value: string, cache: GlobCache, implied?: string): boolean {
  if (!Array.isArray(patterns)) return false
  for (const pattern of patterns as readonly unknown[]) {
    if (typeof pattern !== 'string') continue
    if (pattern === implied || matchGlob(cache.get(pattern), value)) return true
  }
  return false
}

function granteeMatches(grantee: unknown, principal: string | undefined): boolean {
  if (grantee === undefined) return true
  if (principal === undefined || !Array.isArray(grantee)) return false
  return (grantee as readonly unknown[]).some(
    (entry) => isRecord(entry) && (entry.id === principal || entry.id === '*'),
  )
}

function statementMatches(statement: AclStatement, request: NormalisedRequest): boolean {
  const { service, region, resource, permission, grantee } = statement
  if (typeof service !== 'string' || typeof region !== 'string') return false
  if (!granteeMatches(grantee, request.principal)) return false
  if (!matchGlob(caseInsensitive.get(service), request.service)) return false
  if (!matchGlob(caseSensitive.get(region), request.region)) return false
  if (!anyMatches(permission, request.permission, caseSensitive, FULL_CONTROL)) return false
  return resource === undefined ? grantee !== undefined : anyMatches(resource, request.resource, caseSensitive)
}

function collectMatches(acls: readonly Acl[], request: NormalisedRequest): MatchedStatement[] {
  const matched: MatchedStatement[] = []
  for (let documentIndex = 0; documentIndex < acls.length; documentIndex += 1) {
    const document: unknown = acls[documentIndex]
    const list = isRecord(document) ? document.accessControlList : undefined
    if (!Array.isArray(list)) continue
    for (let statementIndex = 0; statementIndex < list.length; statementIndex += 1) {
      const statement: unknown = list[statementIndex]
      if (!isRecord(statement)) continue
      const { effect } = statement
      if (effect !== 'Allow' && effect !== 'Deny') continue
      if (statementMatches(statement as unknown as AclStatement, request)) {
        matched.push(
          Object.freeze({ documentIndex, statementIndex, statement: statement as unknown as AclStatement, effect }),
        )
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
 * - **grantee**: a statement without `grantee` applies to every caller. One with `grantee` is
 *   ignored unless `request.principal` is given, and then matches only when a grantee id equals
 *   the principal or is `*`.
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
 * Values that bypass the `Acl` type (a malformed statement, a non-string request field) never
 * match, so such input yields at worst `ImplicitDeny`; validate untrusted documents first with
 * {@link parseAcl} or {@link validateAcl}, since a malformed `Deny` is skipped too.
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
