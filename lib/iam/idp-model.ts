import * as t from 'io-ts'
import { bceDate } from '../decode/codecs'
import { mappedInput } from '../decode/mapped'
import { partialStruct } from '../decode/struct'

/** The SAML identity provider used for sub-user single sign-on. */
export interface Idp {
  /** `enable` or `disable` (kept as sent). */
  readonly status?: string
  /** The auxiliary login domain of the sub-users' single sign-on. */
  readonly auxiliaryDomain?: string
  /** The account id the identity provider belongs to. */
  readonly domainId?: string
  /** SAML metadata, encoded as the console uploads it. */
  readonly encodeMetadata?: string
  /** The name of the uploaded SAML metadata file. */
  readonly fileName?: string
  /** When the identity provider was configured. */
  readonly createTime?: Date
  /** When it was last changed. */
  readonly updateTime?: Date
}

const idpFields = partialStruct('Idp', {
  status: t.string,
  auxiliaryDomain: t.string,
  domainId: t.string,
  encodeMetadata: t.string,
  fileName: t.string,
  createTime: bceDate,
  updateTime: bceDate,
})

/** The object holding the fields: an object under `idp` wins, else the body itself. */
function idpBody(value: unknown): unknown {
  const wrapped = typeof value === 'object' && value !== null ? (value as { idp?: unknown }).idp : undefined
  return typeof wrapped === 'object' && wrapped !== null && !Array.isArray(wrapped) ? wrapped : value
}

/**
 * Wire codec of {@link Idp}. The official SDKs disagree on the shape (flat body vs `{ idp: {...} }`),
 * so both are accepted: an object under `idp` wins, else the body itself. Optional fields may be
 * absent or `null`.
 */
export const idpCodec: t.Decoder<unknown, Idp> = mappedInput('Idp', idpBody, idpFields)
