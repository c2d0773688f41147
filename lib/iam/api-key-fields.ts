import { err, ok, type Result } from 'neverthrow'
import { checkAcl } from '../acl/check-acl'
import { serializeAcl } from '../acl/serialize-acl'
import { describeValue } from '../decode/describe-value'
import { parseJsonText } from '../decode/json'
import type { Issue } from '../errors/issue'
import type { FieldCodec } from '../operation/operation'

/** Shortest and longest validity of a bearer token, in seconds (5 minutes to 30 days; Baidu's API reference). */
export const BEARER_TOKEN_SECONDS = { min: 300, max: 2_592_000 } as const

/** An ACL given as a typed object or JSON text: the checked document and the JSON text to send. */
function readAcl(value: unknown): Result<{ readonly document: unknown; readonly text: string }, readonly Issue[]> {
  if (typeof value === 'string') {
    const parsed = parseJsonText(value)
    if (parsed === undefined)
      return err([{ path: [], expected: 'JSON text of an ACL document', actual: describeValue(value) }])
    return checkAcl(parsed.value, { requireResource: true }).map(() => ({ document: parsed.value, text: value }))
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return err([{ path: [], expected: 'ACL document: an object or a JSON string', actual: describeValue(value) }])
  return checkAcl(value, { requireResource: true }).map((acl) => ({ document: acl, text: serializeAcl(acl) }))
}

/**
 * The `acl` of an API key, sent as a JSON object in the body (the Go SDK's `*ACL` field): a
 * typed document is checked with the ACL grammar and sent with its known fields; JSON text is
 * checked and sent as the object it parses to (fields the grammar does not know, such as
 * `resource_owner`, ride along unchanged).
 */
export const API_KEY_ACL: FieldCodec = {
  describes: 'ACL document',
  encode: (value) => readAcl(value).map(({ document }) => document),
}

/**
 * The `acl` query parameter of `GET /v1/BCE-BEARER/token`: the ACL document's JSON, base64-encoded
 * (Baidu's API reference: "额外指定的acl的base64").
 */
export const BEARER_TOKEN_ACL: FieldCodec = {
  describes: 'ACL document (sent base64-encoded)',
  encode: (value) => readAcl(value).map(({ text }) => Buffer.from(text, 'utf8').toString('base64')),
}

/** A list of service names (`["bce:ai_apaas"]`), sent as a JSON array. */
export const SERVICE_NAMES: FieldCodec = {
  describes: 'list of service names',
  encode: (value): Result<readonly string[], readonly Issue[]> => {
    if (!Array.isArray(value))
      return err([{ path: [], expected: 'array of service names', actual: describeValue(value) }])
    const issues: Issue[] = []
    value.forEach((item: unknown, index) => {
      if (typeof item !== 'string' || item.length === 0)
        issues.push({ path: [index], expected: 'non-empty string', actual: describeValue(item) })
    })
    return issues.length > 0 ? err(issues) : ok(value as string[])
  },
}
