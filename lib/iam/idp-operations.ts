import { defineOperation, type NoInput } from '../operation/operation'
import { GO_SDK_DOCS } from './docs'
import { codecReader, ignoreBody } from '../decode/reader'
import { idpCodec, type Idp } from './idp-model'

export type { NoInput }

/** Input of `IamClient.updateSubUserIdpStatus`. */
export interface UpdateSubUserIdpStatusInput {
  /** `enable` or `disable` single sign-on through the identity provider. */
  readonly status: 'enable' | 'disable'
}

/** Input of `IamClient.updateSubUserIdp`; unset fields are left unchanged. */
export interface UpdateSubUserIdpInput {
  /** The name of the SAML metadata file. */
  readonly fileName?: string | undefined
  /** SAML metadata, encoded as the console expects. */
  readonly encodeMetadata?: string | undefined
  /** The auxiliary login domain. */
  readonly auxiliaryDomain?: string | undefined
}

/** `GET /v1/subUser/idp/query`. */
export const getSubUserIdp = defineOperation<NoInput, Idp>()({
  name: 'getSubUserIdp',
  service: 'iam',
  summary: 'Reads the SAML identity provider for sub-user SSO.',
  docs: GO_SDK_DOCS,
  status: 200,
  access: { permission: 'READ', resource: '*' },
  errors: [],
  method: 'GET',
  path: '/v1/subUser/idp/query',
  fields: {},
  idempotent: true,
  reader: codecReader(idpCodec),
})

/** `POST /v1/subUser/idp/updateStatus?status=`. */
export const updateSubUserIdpStatus = defineOperation<UpdateSubUserIdpStatusInput, Idp>()({
  name: 'updateSubUserIdpStatus',
  service: 'iam',
  summary: 'Enables or disables sub-user SSO.',
  docs: GO_SDK_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: '*' },
  errors: [],
  method: 'POST',
  path: '/v1/subUser/idp/updateStatus',
  fields: { status: { type: 'enum', in: 'query', required: true, values: ['enable', 'disable'] } },
  idempotent: false,
  reader: codecReader(idpCodec),
})

/** `POST /v1/subUser/idp/update`. */
export const updateSubUserIdp = defineOperation<UpdateSubUserIdpInput, Idp>()({
  name: 'updateSubUserIdp',
  service: 'iam',
  summary: 'Uploads IdP metadata or changes the auxiliary domain.',
  docs: GO_SDK_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: '*' },
  errors: [],
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

/** `POST /v1/subUser/idp/delete`. */
export const deleteSubUserIdp = defineOperation<NoInput, void>()({
  name: 'deleteSubUserIdp',
  service: 'iam',
  summary: 'Removes the identity provider.',
  docs: GO_SDK_DOCS,
  status: 200,
  access: { permission: 'FULL_CONTROL', resource: '*' },
  errors: [],
  method: 'POST',
  path: '/v1/subUser/idp/delete',
  fields: {},
  idempotent: false,
  reader: ignoreBody(),
})
