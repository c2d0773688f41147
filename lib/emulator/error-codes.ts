import type { KnownErrorCode } from '../errors/code-provenance'

/**
 * Every code the emulator answers with (handlers, the request pipeline, the admin API and
 * injected faults). `ApiError.code` is typed over this list and the list over the codes whose
 * provenance is recorded (errors/code-provenance.ts), so the emulator cannot answer with a code
 * whose source nobody wrote down. Where Baidu's docs or SDKs show a code, the emulator uses it;
 * the business codes of IAM are assumptions (Baidu documents none).
 */
export const EMULATOR_CODES = [
  'AccessDenied',
  'BadDigest',
  'BadGateway',
  'DeleteConflict',
  'EntityAlreadyExists',
  'EntityTooLarge',
  'GatewayTimeout',
  'InappropriateJSON',
  'InternalError',
  'InvalidAccessKeyId',
  'InvalidDigest',
  'InvalidHTTPAuthHeader',
  'InvalidParameter',
  'InvalidSessionToken',
  'InvalidURI',
  'LimitExceeded',
  'MalformedJSON',
  'MethodNotAllowed',
  'NotFound',
  'RequestExpired',
  'ServiceUnavailable',
  'SignatureDoesNotMatch',
  'TooManyRequests',
] as const satisfies readonly KnownErrorCode[]

/** A code the emulator answers with. */
export type EmulatorCode = (typeof EMULATOR_CODES)[number]
