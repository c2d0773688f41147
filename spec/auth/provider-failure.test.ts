import { inspect } from 'node:util'
import { errAsync } from 'neverthrow'
import { fromAssumeRole, IamClient, StsClient, toError, type Acl, type BceClientError } from '../../lib'
import { asCredentialsError } from '../../lib/auth/credentials-error'
import { refreshingProvider } from '../../lib/auth/refreshing-provider'
import { resolveCredentials } from '../../lib/auth/resolve-credentials'
import { makeClientError, makeServiceError } from '../../lib/errors/make'
import { clientErrorOf } from '../support/expect-error'
import { withEmulator } from '../support/emulator'
import { json, scriptedServer } from '../support/scripted-server'

const trust = (accountId: string): Acl => ({
  version: 'v1',
  accessControlList: [
    { service: 'bce:iam', region: '*', permission: ['AssumeRole'], effect: 'Allow', grantee: [{ id: accountId }] },
  ],
})

const denied = makeServiceError({
  kind: 'AccessDenied',
  code: 'AccessDenied',
  statusCode: 403,
  message: 'not trusted',
  operation: 'assumeRole',
  attempts: 1,
  retryable: false,
  requestId: 'rid-1',
})

describe('a failed credentials fetch is wrapped once, its original error kept whole as the cause', () => {
  it('through the refreshing provider and the call: one Credentials error, cause is the STS error itself', async () => {
    const provider = refreshingProvider(() => errAsync(asCredentialsError(denied, 'STS assumeRole of reader')))
    const atProvider = (await provider())._unsafeUnwrapErr()
    const atCall = (await resolveCredentials(provider, 'listUsers'))._unsafeUnwrapErr()
    for (const error of [atProvider, atCall]) {
      expect(error).toMatchObject({
        _tag: 'BceClientError',
        reason: 'Credentials',
        message: 'STS assumeRole of reader failed: AccessDenied (AccessDenied, HTTP 403): not trusted',
      })
      expect(error.cause).toBe(denied)
    }
    expect(atProvider.operation).toBe('credentials')
    expect(atCall.operation).toBe('listUsers')
  })

  it('a provider failing with another client error is wrapped once by the call, keeping that error as the cause', async () => {
    const network = makeClientError({ reason: 'Network', message: 'sts unreachable', operation: 'getSessionToken' })
    const error = (await resolveCredentials(() => errAsync(network), 'getUser'))._unsafeUnwrapErr()
    expect(error).toMatchObject({ reason: 'Credentials', message: 'sts unreachable', operation: 'getUser' })
    expect(error.cause).toBe(network)
  })

  it('a cause that only looks like an SDK error is reduced to { name, code, message }', async () => {
    const lookalike = Object.freeze({
      _tag: 'BceClientError',
      reason: 'Network',
      message: 'm',
      operation: 'x',
      attempts: 0,
      retryable: false,
      cause: { socket: 'a live object graph' },
    })
    const error = (await resolveCredentials(() => errAsync(lookalike as BceClientError), 'getUser'))._unsafeUnwrapErr()
    expect(error.cause).toStrictEqual({ name: 'Error', message: 'm' })
  })
})

describe('against the emulator: a refused assumeRole reaches the IAM call as one Credentials error', () => {
  it('whose cause is the STS AccessDenied error, intact, one level deep', async () => {
    const fx = await withEmulator({ seed: 5 })
    const sts = new StsClient({
      endpoint: fx.emulator.stsEndpoint,
      credentials: fx.emulator.credentials,
      allowInsecureHttp: true,
    })
    await fx.iam.createRole({ name: 'reader', assumeRolePolicyDocument: trust('0'.repeat(32)) })
    const provider = fromAssumeRole({ sts, accountId: fx.emulator.accountId, roleName: 'reader' })
    const iam = new IamClient({ endpoint: fx.emulator.endpoint, credentials: provider, allowInsecureHttp: true })
    try {
      const error = clientErrorOf(await iam.listUsers())
      expect(error).toMatchObject({ reason: 'Credentials', operation: 'listUsers' })
      expect(error.message).toMatch(/^STS assumeRole of reader failed: AccessDenied \(/)
      const cause = error.cause as Record<string, unknown>
      expect(cause).toMatchObject({
        _tag: 'BceServiceError',
        kind: 'AccessDenied',
        statusCode: 403,
        operation: 'assumeRole',
        attempts: 1,
      })
      expect(typeof cause.requestId).toBe('string')
      expect(cause.cause).toBeUndefined()
      expect(Object.isFrozen(cause)).toBe(true)
      // The IAM call never sent a request: the failure happened while fetching credentials.
      expect(fx.emulator.requestLog().filter((entry) => entry.operation === 'listUsers')).toHaveLength(0)
    } finally {
      await iam.close()
      await sts.close()
      await fx.close()
    }
  })
})

describe('a reflected secret in the STS failure is scrubbed in the kept cause', () => {
  it('the STS secret key echoed by the server appears nowhere in the final error', async () => {
    const secret = 'sts-long-term-secret-key-0123456789'
    const server = await scriptedServer(
      [],
      json(403, { code: 'AccessDenied', message: `bad signature with ${secret}` }),
    )
    const sts = new StsClient({
      endpoint: server.url,
      credentials: { accessKeyId: 'ak-sts', secretAccessKey: secret },
      allowInsecureHttp: true,
      retry: false,
    })
    const provider = fromAssumeRole({ sts, accountId: 'a'.repeat(32), roleName: 'reader' })
    const iam = new IamClient({ endpoint: server.url, credentials: provider, allowInsecureHttp: true })
    try {
      const error = clientErrorOf(await iam.getUser({ userName: 'alice' }))
      expect(error.reason).toBe('Credentials')
      expect((error.cause as { message: string }).message).toBe('bad signature with [redacted]')
      const renderings = [
        JSON.stringify(error),
        String(error),
        inspect(error, { depth: 10, showHidden: true }),
        inspect(toError(error), { depth: 10 }),
      ]
      for (const text of renderings) expect(text).not.toContain(secret)
    } finally {
      await iam.close()
      await sts.close()
      await server.close()
    }
  })
})
