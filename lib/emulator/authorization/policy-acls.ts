import { parseAcl } from '../../acl/parse-acl'
import type { Acl } from '../../acl/types'
import { parseJson } from '../json-limits'

/**
 * Reads a stored ACL (policy document text, or an STS session's parsed ACL) for the evaluator.
 * Stored documents were checked when they were sent; should the stricter {@link parseAcl} still
 * refuse one (say `resource: []`), the document is evaluated as stored: `evaluateAcl` never
 * matches a malformed statement, so such a statement grants and denies nothing.
 */
export function readStoredAcl(stored: unknown): Acl {
  const raw = typeof stored === 'string' ? parseJson(stored, 'a stored document', Infinity).unwrapOr(undefined) : stored
  return parseAcl(raw).unwrapOr(raw as Acl)
}

/** Most policies kept parsed; the cache is emptied when it fills up (entries are cheap to rebuild). */
const CACHE_LIMIT = 4096

/**
 * Parsed policy documents by policy id, each kept with the document text it was parsed from:
 * evaluating a request parses nothing unless a policy was created or its document changed since.
 */
export class PolicyAclCache {
  readonly #entries = new Map<string, { readonly document: string; readonly acl: Acl }>()
  readonly #read: (document: string) => Acl

  constructor(read: (document: string) => Acl = readStoredAcl) {
    this.#read = read
  }

  /** The parsed ACL of a policy's current document. */
  aclOf(policy: { readonly id: string; readonly document: string }): Acl {
    const cached = this.#entries.get(policy.id)
    if (cached !== undefined && cached.document === policy.document) return cached.acl
    if (cached === undefined && this.#entries.size >= CACHE_LIMIT) this.#entries.clear()
    const acl = this.#read(policy.document)
    this.#entries.set(policy.id, { document: policy.document, acl })
    return acl
  }
}

/**
 * Parsed session ACLs by the (stored, never mutated) object they were parsed from, so each
 * session's ACL is read once however many requests it signs.
 */
export class SessionAclCache {
  readonly #entries = new WeakMap<object, Acl>()

  /** The ACL a session was narrowed with, ready for the evaluator. */
  aclOf(stored: unknown): Acl {
    if (typeof stored !== 'object' || stored === null) return readStoredAcl(stored)
    let acl = this.#entries.get(stored)
    if (acl === undefined) {
      acl = readStoredAcl(stored)
      this.#entries.set(stored, acl)
    }
    return acl
  }
}
