/**
 * Where the name of a service error code comes from:
 *
 * - `baidu-docs`: a table in Baidu's public documentation (`where` is the page);
 * - `official-sdk`: one of Baidu's official SDKs or tools names it (`where` is `repository:path`);
 * - `assumption`: no Baidu source has it; an AWS-style (or S3-style) convention the emulator and
 *   the classification table follow (`where` names the convention).
 *
 * Baidu documents no IAM-specific error code, so every IAM business code (duplicate names,
 * delete conflicts, limits) is an assumption.
 */
export interface CodeProvenance {
  /** Where the code's meaning comes from: Baidu's documentation, an official Baidu SDK, or an assumption. */
  readonly source: 'baidu-docs' | 'official-sdk' | 'assumption'
  /** Where exactly: a documentation URL, `repository:path` in an official SDK, or what the assumption rests on. */
  readonly where: string
  /** What exactly the source shows (status, context), when that matters. */
  readonly note?: string
}

const COMMON_CODES_PAGE = 'https://cloud.baidu.com/doc/Reference/s/Bjz3uz3qj (common error codes)'
const BOS_CODES_PAGE = 'https://intl.cloud.baidu.com/doc/BOS/s/Ajwvysfpl-en (BOS error codes)'
const GO_STATUS_CODES = 'baidubce/bce-sdk-go:bce/response.go'
const GO_STATUS_NOTE = 'the code the official Go SDK reports for this status when an error body has no code'

const docs = (note: string): CodeProvenance => ({ source: 'baidu-docs', where: COMMON_CODES_PAGE, note })
const assumed = (where: string, note?: string): CodeProvenance => ({
  source: 'assumption',
  where,
  ...(note === undefined ? {} : { note }),
})

/**
 * The provenance of every service error code this package names: each code of the
 * classification table (errors/classify.ts) and each code the emulator answers with. Both are
 * typed over this table's keys, so a code without a provenance does not compile.
 */
export const CODE_PROVENANCE = {
  AccessDenied: docs('403'),
  InappropriateJSON: docs('400'),
  InternalError: docs('500'),
  InvalidAccessKeyId: docs('403'),
  InvalidHTTPAuthHeader: docs('400'),
  InvalidHTTPRequest: docs('400'),
  InvalidURI: docs('400'),
  MalformedJSON: docs('400'),
  InvalidVersion: docs('404'),
  OptInRequired: docs('403'),
  PreconditionFailed: docs('412'),
  RequestExpired: docs('400, "Request has expired. Timestamp date is …"'),
  IdempotentParameterMismatch: docs('listed in the common table; status not confirmed'),
  SignatureDoesNotMatch: {
    source: 'official-sdk',
    where: 'baidubce/bce-sdk-go:bce/error.go',
    note: 'the constant ESIGNATURE_DOES_NOT_MATCH (also in the Java SDK); status 400 on sibling Baidu pages',
  },
  InvalidSessionToken: {
    source: 'official-sdk',
    where: 'baidubce/bce-sdk-js:__tests__/putSuperObject.test.ts',
    note: 'the JS SDK test expects 400 InvalidSessionToken from BOS for expired STS credentials',
  },
  RequestTimeTooSkewed: {
    source: 'official-sdk',
    where: 'baidubce/bce-sdk-js:src/bce_base_client.js',
    note: 'the JS SDK retries a 403 RequestTimeTooSkewed after correcting its clock',
  },
  NotFound: {
    source: 'official-sdk',
    where: GO_STATUS_CODES,
    note: `${GO_STATUS_NOTE} (404); Baidu's Terraform provider (baidubce/terraform-provider-baiducloud) treats NotFound as "resource gone" for IAM resources`,
  },
  TooManyRequests: { source: 'official-sdk', where: GO_STATUS_CODES, note: `${GO_STATUS_NOTE} (429)` },
  BadGateway: { source: 'official-sdk', where: GO_STATUS_CODES, note: `${GO_STATUS_NOTE} (502)` },
  ServiceUnavailable: { source: 'official-sdk', where: GO_STATUS_CODES, note: `${GO_STATUS_NOTE} (503)` },
  GatewayTimeout: { source: 'official-sdk', where: GO_STATUS_CODES, note: `${GO_STATUS_NOTE} (504)` },
  Conflict: { source: 'official-sdk', where: GO_STATUS_CODES, note: `${GO_STATUS_NOTE} (409)` },
  MethodNotAllowed: { source: 'official-sdk', where: GO_STATUS_CODES, note: `${GO_STATUS_NOTE} (405)` },
  BadDigest: { source: 'baidu-docs', where: BOS_CODES_PAGE, note: '400, Content-MD5 does not match the body' },
  EntityTooLarge: {
    source: 'baidu-docs',
    where: BOS_CODES_PAGE,
    note: 'BOS answers 400 for an upload over its size limit; the emulator answers 413 for a request body over 1 MiB',
  },
  EntityAlreadyExists: assumed('AWS IAM', 'the emulator answers 409 for a duplicate name'),
  DeleteConflict: assumed('AWS IAM', 'the emulator answers 409 when an entity still has dependents'),
  LimitExceeded: assumed('AWS IAM', 'the emulator answers 409 when a limit is reached'),
  InvalidParameter: assumed(
    'AWS-style',
    'the emulator answers 400 for a bad query or path value; a mocked body in the Go SDK cloudflow tests uses it, no IAM source does',
  ),
  ExpiredToken: assumed('AWS STS', 'the client still classifies it; the emulator answers 400 InvalidSessionToken'),
  InvalidSecurityToken: assumed('AWS-style'),
  NoSuchEntity: assumed('AWS IAM'),
  ResourceNotFound: assumed('AWS-style'),
  AlreadyExists: assumed('AWS-style'),
  ResourceAlreadyExists: assumed('AWS-style'),
  ConcurrentModification: assumed('AWS IAM'),
  QuotaExceeded: assumed('AWS-style'),
  InvalidParameterValue: assumed('AWS-style'),
  Throttling: assumed('AWS'),
  ThrottlingException: assumed('AWS'),
  RequestLimitExceeded: assumed('AWS EC2'),
  SlowDown: assumed('S3'),
  InvalidDigest: assumed('S3', 'the emulator answers 400 for a Content-MD5 that is not a base64 MD5 digest'),
} as const satisfies Readonly<Record<string, CodeProvenance>>

/** A service error code whose provenance is recorded in {@link CODE_PROVENANCE}. */
export type KnownErrorCode = keyof typeof CODE_PROVENANCE

/** The table as frozen entries: what {@link errorCodeProvenance} hands out cannot be changed by a caller. */
const provenance: Readonly<Record<string, CodeProvenance>> = Object.freeze(
  Object.fromEntries(Object.entries(CODE_PROVENANCE).map(([code, entry]) => [code, Object.freeze({ ...entry })])),
)

/**
 * Where a service error code comes from (Baidu's docs, an official SDK, or an assumption this
 * package makes), or `undefined` for a code this package does not know. Pure.
 */
export function errorCodeProvenance(code: string): CodeProvenance | undefined {
  return Object.prototype.hasOwnProperty.call(provenance, code) ? provenance[code] : undefined
}
