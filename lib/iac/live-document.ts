import type { Acl, AclStatement } from 'bce-iam'
import { parseAcl, serializeAcl } from '../acl'

/** Which document of an entity: a custom policy's ACL or a role's trust document. */
export type DocumentKind = 'policy' | 'trust'

function statementOf(statement: AclStatement): AclStatement {
  const { eid: _eid, resource: _resource, ...rest } = statement
  return rest
}

/**
 * A document without the fields the service manages itself: the document `id` (BCE stores
 * `policy_<policyId>` or `sts role acl` whatever was sent) and, in a trust document, every
 * statement's `eid` and `resource` (BCE sets `role acl entry` and `["role/<roleId>"]`). What
 * remains is what a document author controls, so export shows it and plans compare it.
 */
export function authoredDocument(acl: Acl, kind: DocumentKind): Acl {
  const { id: _id, ...rest } = acl
  return Object.freeze(
    kind === 'trust' ? { ...rest, accessControlList: Object.freeze(acl.accessControlList.map(statementOf)) } : rest,
  )
}

/** Two documents of one kind are the same when their authored parts serialise canonically alike. */
export function sameDocument(kind: DocumentKind, a: Acl, b: Acl): boolean {
  return serializeAcl(authoredDocument(a, kind)) === serializeAcl(authoredDocument(b, kind))
}

/**
 * Whether a live entity with a description and a stored document (`liveText`, as the service
 * returns it) differs from the wanted one: a differing description (an unset wanted description
 * is not compared), or a document whose authored part differs canonically. A live document that
 * does not parse differs.
 */
export function describedDocumentDiffers(
  kind: DocumentKind,
  wanted: { readonly description?: string | undefined; readonly document: Acl },
  live: { readonly description?: string | undefined; readonly document?: string | undefined },
): boolean {
  if (wanted.description !== undefined && wanted.description !== (live.description ?? '')) return true
  const document = parseAcl(live.document ?? '')
  return document.isErr() || !sameDocument(kind, wanted.document, document.value)
}
