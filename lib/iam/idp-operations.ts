import { defineOperation } from '../operation/operation'
import { codecReader, ignoreBody } from '../decode/reader'
import { idpCodec, type Idp } from './idp-model'

/** Input of calls without parameters. */
export type NoInput = Record<string, never>

/** Input of {@link IamClient.updateSubUserIdpStatus}. */
export interface UpdateSubUserIdpStatusInput {
  readonly status: 'enable' | 'disable'
}

/** Input of {@link IamClient.updateSubUserIdp}; unset fields are left unchanged. */
export interface UpdateSubUserIdpInput {
  readonly fileName?: string
  /** SAML metadata, encoded as the console expects. */
  readonly encodeMetadata?: string
  readonly auxiliaryDomain?: string
}

/** I1 `GET /v1/subUser/idp/query`. */
export const getSubUserIdp = defineOperation<NoInput, Idp>({
  name: 'getSubUserIdp',
  method: 'GET',
  path: '/v1/subUser/idp/query',
  fields: {},
  idempotent: true,
  reader: codecReader(idpCodec),
})

/** I2 `POST /v1/subUser/idp/updateStatus?status=`. */
export const updateSubUserIdpStatus = defineOperation<UpdateSubUserIdpStatusInput, Idp>({
  name: 'updateSubUserIdpStatus',
  method: 'POST',
  path: '/v1/subUser/idp/updateStatus',
  fields: { status: { type: 'enum', in: 'query', required: true, values: ['enable', 'disable'] } },
  idempotent: false,
  reader: codecReader(idpCodec),
})

/** I3 `POST /v1/subUser/idp/update`. */
export const updateSubUserIdp = defineOperation<UpdateSubUserIdpInput, Idp>({
  name: 'updateSubUserIdp',
  method: 'POST',
  path: '/v1/subUser/idp/update',
  fields: {
    fileName: { type: 'string', in: 'body' },
    encodeMetadata: { type: 'string', in: 'body' },
    auxiliaryDomain: { type: 'string', in: 'body' },
  },
  idempotent: false,
  reader: codecReader(idpCodec),
})

/** I4 `POST /v1/subUser/idp/delete`. */
export const deleteSubUserIdp = defineOperation<NoInput, void>({
  name: 'deleteSubUserIdp',
  method: 'POST',
  path: '/v1/subUser/idp/delete',
  fields: {},
  idempotent: false,
  reader: ignoreBody(),
})
