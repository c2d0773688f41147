import { copyStatement } from './copy-statement'
import { readField } from './record'
import type { AclEffect, AclGrantee, AclStatement } from './types'

/** What {@link allow} and {@link deny} build a statement from. */
export interface StatementSpec {
  /** Service identifier, e.g. `bce:bos`, `bcc`, `bce:iam`, or `*`. */
  readonly service: string
  /** Region code (`bj`, `gz`, …) or `*`; defaults to `*`. */
  readonly region?: string | undefined
  /**
   * One resource pattern or several, e.g. `'my-bucket/logs/*'`. Left out when absent — it is
   * deliberately not defaulted to `*`, so that a forgotten resource never grants everything.
   * User, group and STS policies need it (`validateAcl(doc, { requireResource: true })`).
   */
  readonly resource?: string | readonly string[] | undefined
  /** One permission name or several, e.g. `'READ'` or `['READ', 'LIST']`; `*` for all. */
  readonly permission: string | readonly string[]
  /** Principals of a trust or resource statement: account ids (`'*'` for everyone) or grantees. */
  readonly grantee?: string | AclGrantee | readonly (string | AclGrantee)[] | undefined
  /** Optional statement id. */
  readonly eid?: string | undefined
}

function buildStatement(spec: StatementSpec, effect: AclEffect): AclStatement {
  const region = readField(spec, 'region')
  return copyStatement({
    eid: readField(spec, 'eid'),
    service: readField(spec, 'service'),
    region: region === undefined ? '*' : region,
    resource: readField(spec, 'resource'),
    permission: readField(spec, 'permission'),
    grantee: readField(spec, 'grantee'),
    effect,
  })
}

/**
 * A frozen `Allow` statement. A single `resource`, `permission` or `grantee` becomes a
 * one-element list; `region` defaults to `*`. Total: the spec is copied, never validated or
 * thrown on — check the finished document with {@link validateAcl}.
 *
 * @example allow({ service: 'bce:bos', region: 'bj', resource: 'logs/*', permission: ['READ', 'LIST'] })
 */
export function allow(spec: StatementSpec): AclStatement {
  return buildStatement(spec, 'Allow')
}

/**
 * A frozen `Deny` statement; the same rules as {@link allow}. A matching `Deny` overrides every
 * `Allow` (see {@link evaluateAcl}).
 *
 * @example deny({ service: 'bce:bos', resource: 'logs/secret/*', permission: '*' })
 */
export function deny(spec: StatementSpec): AclStatement {
  return buildStatement(spec, 'Deny')
}
