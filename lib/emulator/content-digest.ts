import { createHash } from 'node:crypto'
import { ok, type Result } from 'neverthrow'
import { fail, type ApiError, type WireRequest } from './wire'

const BASE64_MD5 = /^[A-Za-z0-9+/]{22}==$/

/**
 * Checks a request's `Content-MD5` header against its body, as BCE services do: absent is ok;
 * sent twice or not the base64 of 16 bytes is 400 `InvalidDigest`; a digest of other bytes is 400
 * `BadDigest` (the body changed after it was signed, or was signed for another body).
 */
export function checkContentDigest(request: WireRequest): Result<void, ApiError> {
  const value = request.headers['content-md5']
  if (value === undefined) return ok(undefined)
  if (typeof value !== 'string' || request.repeatedHeaders.has('content-md5') || !BASE64_MD5.test(value.trim()))
    return fail(400, 'InvalidDigest', 'Content-MD5 must be the base64 of a 16-byte MD5 digest')
  const actual = createHash('md5').update(request.body).digest('base64')
  return value.trim() === actual ? ok(undefined) : fail(400, 'BadDigest', 'the Content-MD5 does not match the body')
}
