import * as t from 'io-ts'
import { bceDate } from '../decode/codecs'

/** The SAML identity provider used for sub-user single sign-on. */
export interface Idp {
  /** `enable` or `disable` (kept as sent). */
  readonly status?: string
  readonly auxiliaryDomain?: string
  readonly domainId?: string
  /** SAML metadata, encoded as the console uploads it. */
  readonly encodeMetadata?: string
  readonly fileName?: string
  readonly createTime?: Date
  readonly updateTime?: Date
}

const idpFields = t.partial(
  {
    status: t.string,
    auxiliaryDomain: t.string,
    domainId: t.string,
    encodeMetadata: t.string,
    fileName: t.string,
    createTime: bceDate,
    updateTime: bceDate,
  },
  'Idp',
)

/**
 * Wire codec of {@link Idp}. The official SDKs disagree on the shape (flat body vs `{ idp: {...} }`),
 * so both are accepted: an object under `idp` wins, else the body itself.
 */
export const idpCodec: t.Decoder<unknown, Idp> = new t.Type<Idp, unknown, unknown>(
  'Idp',
  (value): value is Idp => typeof value === 'object' && value !== null,
  (value, context) => {
    const wrapped = typeof value === 'object' && value !== null ? (value as { idp?: unknown }).idp : undefined
    const inner = typeof wrapped === 'object' && wrapped !== null && !Array.isArray(wrapped) ? wrapped : value
    return idpFields.validate(inner, context)
  },
  (idp) => idp,
)
