import { codecReader } from '../decode/reader'
import { defineOperation, type NoInput } from '../operation/operation'
import { accountSummaryCodec, type AccountSummary } from './account-model'
import { NEW_GO_SDK_DOCS } from './docs'

/** Input of `IamClient.getAccountSummary` (the call takes no parameters). */
export type GetAccountSummaryInput = NoInput

/**
 * `GET /v1/account/summary` (newer Go SDK `QuerySummaryOfMainAccount`; not in Baidu's API
 * reference): the account's limits and how many users, groups and custom policies it holds.
 */
export const getAccountSummary = defineOperation<GetAccountSummaryInput, AccountSummary>()({
  name: 'getAccountSummary',
  service: 'iam',
  summary: "The account's limits and its current numbers of users, groups and custom policies.",
  docs: NEW_GO_SDK_DOCS,
  status: 200,
  access: { permission: 'READ', resource: '*' },
  errors: [],
  method: 'GET',
  path: '/v1/account/summary',
  fields: {},
  idempotent: true,
  reader: codecReader(accountSummaryCodec),
})
