import { err, type Result } from 'neverthrow'
import { describeValue } from '../decode/describe-value'
import { parseJsonText } from '../decode/json'
import type { Issue } from '../errors/issue'
import type { FieldCodec } from '../operation/operation'
import { checkAcl } from './check-acl'
import { serializeAcl } from './serialize-acl'

/**
 * The field codec of an ACL document sent by an operation (a policy's `document`, a role's
 * trust document, an STS session ACL): a typed object is checked with the ACL grammar and
 * serialised canonically; a JSON string is checked and sent unchanged. Supplied to the operation
 * declarations by the ACL toolkit, so that preparing a request does not depend on it.
 *
 * @param requireResource - whether every statement must name its resources (user, group, role
 * and STS policies do; trust documents do not).
 */
export function aclDocumentCodec(requireResource: boolean): FieldCodec {
  return {
    describes: 'ACL document',
    encode: (value): Result<string, readonly Issue[]> => {
      if (typeof value === 'string') {
        const parsed = parseJsonText(value)
        if (parsed === undefined)
          return err([{ path: [], expected: 'JSON text of an ACL document', actual: describeValue(value) }])
        return checkAcl(parsed.value, { requireResource }).map(() => value)
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return err([{ path: [], expected: 'ACL document: an object or a JSON string', actual: describeValue(value) }])
      return checkAcl(value, { requireResource }).map(serializeAcl)
    },
  }
}

/** The codec of documents whose statements must name resources (policies, STS session ACLs). */
export const POLICY_DOCUMENT: FieldCodec = aclDocumentCodec(true)

/** The codec of role trust documents (the server fills in the resource). */
export const TRUST_DOCUMENT: FieldCodec = aclDocumentCodec(false)
