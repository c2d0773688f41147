import { err, type Result } from 'neverthrow'
import { describeValue } from '../decode/describe-value'
import { parseJsonText } from '../decode/json'
import type { BceClientError } from '../errors/types'
import type { AclCheckOptions } from './check-acl'
import { checkedAcl, invalidAcl } from './checked-acl'
import type { Acl } from './types'

/** Options of {@link parseAcl}. */
export type ParseAclOptions = AclCheckOptions

/**
 * Reads an ACL document — a JSON string (a policy's `document`, a role's
 * `assumeRolePolicyDocument`) or an already parsed value — into a frozen, typed {@link Acl}.
 *
 * Grammar: a top-level object; `accessControlList` a non-empty array; per statement `service`
 * and `region` non-empty strings, `permission` a non-empty array of non-empty strings, `effect`
 * exactly `Allow` or `Deny`, and when present `resource` a non-empty array of non-empty strings,
 * `grantee` a non-empty array of objects with a non-empty string `id`, `eid` a string; `id` and
 * `version` strings when present. Server-added fields (`id`, `eid`, `resource: ["role/<id>"]`)
 * parse. `null` in an optional field reads as absent. Unknown fields (`condition`,
 * `notResource`, …) are accepted and left out of the result, because BCE ignores items it does
 * not know — beware that re-serialising such a document drops them; pass
 * `rejectUnknownFields: true` to be told instead.
 *
 * Errors: `InvalidInput` (operation `parseAcl`) whose `issues` list every problem with a dotted
 * path such as `accessControlList.2.permission.0`, what was expected there, and the shape found
 * (never the value). Malformed JSON is one issue at `(root)`. Never throws.
 */
export function parseAcl(input: unknown, options?: ParseAclOptions): Result<Acl, BceClientError> {
  if (typeof input !== 'string') return checkedAcl('parseAcl', input, options)
  const parsed = parseJsonText(input)
  if (parsed === undefined) {
    return err(
      invalidAcl('parseAcl', [
        { path: '(root)', expected: 'JSON text of an ACL document', actual: describeValue(input) },
      ]),
    )
  }
  return checkedAcl('parseAcl', parsed.value, options)
}
