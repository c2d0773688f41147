import { Agent } from 'undici'
import { defaultCredentials, IamClient, StsClient, type Acl } from '../../lib'
import { withEmulator } from '../support/emulator'

const SECRET = 'config-secret-never-shown-5521'

describe('IamClient.create and StsClient.create report every configuration problem', () => {
  it('lists each problem as an issue and in the message, and the first call returns the same error', async () => {
    const config = {
      endpoint: 'http://example.com',
      timeoutMs: -1,
      maxConnections: 0,
      retry: { maxAttempts: 0 },
      observe: 'not a function',
      credentials: { accessKeyId: 'ak', secretAccessKey: '' },
    } as unknown as ConstructorParameters<typeof IamClient>[0] & ConstructorParameters<typeof StsClient>[0]
    const error = IamClient.create(config)._unsafeUnwrapErr()
    expect(error.reason).toBe('InvalidConfig')
    expect(error.issues?.map((issue) => issue.path)).toEqual([
      'endpoint',
      'timeoutMs',
      'maxConnections',
      'retry.maxAttempts',
      'observe',
      'credentials.secretAccessKey',
    ])
    expect(error.issues?.find((issue) => issue.path === 'retry.maxAttempts')?.expected).toBe('positive integer')
    expect(error.message).toContain('retry.maxAttempts must be a positive integer')
    expect(error.message).toMatch(/^6 configuration problems: /)
    // The message names every field that has a problem.
    for (const issue of error.issues ?? []) expect(error.message).toContain(issue.path.split('.').at(-1))
    expect(error.message).toContain('static credentials: secretAccessKey must be a non-empty string')

    const viaCall = await new IamClient(config).getUser({ userName: 'a' })
    expect(viaCall._unsafeUnwrapErr()).toMatchObject({ reason: 'InvalidConfig', message: error.message })

    const sts = StsClient.create({ ...config, endpoint: 'https://sts.example.com' })._unsafeUnwrapErr()
    expect(sts.issues?.map((issue) => issue.path)).toEqual([
      'timeoutMs',
      'maxConnections',
      'retry.maxAttempts',
      'observe',
      'credentials.secretAccessKey',
    ])
  })

  it('keeps a single problem as it was (reason Credentials for credentials alone), with one issue', () => {
    const credentialsOnly = IamClient.create({
      credentials: { accessKeyId: 'a/b', secretAccessKey: SECRET },
    })._unsafeUnwrapErr()
    expect(credentialsOnly.reason).toBe('Credentials')
    expect(credentialsOnly.message).toBe('static credentials: accessKeyId must not contain whitespace or "/"')
    expect(credentialsOnly.issues).toEqual([
      { path: 'credentials.accessKeyId', expected: 'string without whitespace or "/"' },
    ])

    const one = IamClient.create({
      credentials: { accessKeyId: 'ak', secretAccessKey: SECRET },
      connectTimeoutMs: 0,
    })._unsafeUnwrapErr()
    expect(one.reason).toBe('InvalidConfig')
    expect(one.message).toMatch(/^connectTimeoutMs must be a positive number of milliseconds/)
    expect(one.issues).toEqual([{ path: 'connectTimeoutMs', expected: 'positive number of ms, at most 2147483647' }])
  })

  it('every bad retry field is its own issue at its own path, each named in the message', () => {
    const error = IamClient.create({
      credentials: { accessKeyId: 'ak', secretAccessKey: SECRET },
      retry: { maxAttempts: 0, baseDelayMs: -1, budget: { capacity: 2.5 } },
    })._unsafeUnwrapErr()
    expect(error.reason).toBe('InvalidConfig')
    expect(error.issues).toEqual([
      { path: 'retry.maxAttempts', expected: 'positive integer' },
      { path: 'retry.baseDelayMs', expected: 'non-negative number' },
      { path: 'retry.budget.capacity', expected: 'non-negative integer' },
    ])
    expect(error.message).toBe(
      '3 configuration problems: retry.maxAttempts must be a positive integer; ' +
        'retry.baseDelayMs must be a non-negative number; retry.budget.capacity must be a non-negative integer',
    )
    const root = IamClient.create({
      credentials: { accessKeyId: 'ak', secretAccessKey: SECRET },
      retry: 'often' as never,
    })
    expect(root._unsafeUnwrapErr().issues).toEqual([{ path: 'retry', expected: 'object or false' }])
    expect(root._unsafeUnwrapErr().message).toBe('retry must be an object or false')
  })

  it('a credentials problem mixed with others makes the error InvalidConfig, and no message shows the secret', () => {
    const error = IamClient.create({
      credentials: { accessKeyId: '', secretAccessKey: SECRET },
      userAgent: 'bad\nagent',
      dispatcher: {} as unknown as Agent,
    })._unsafeUnwrapErr()
    expect(error.reason).toBe('InvalidConfig')
    expect(error.issues?.map((issue) => issue.path)).toEqual(['dispatcher', 'credentials.accessKeyId', 'userAgent'])
    expect(JSON.stringify(error)).not.toContain(SECRET)
    expect(String(error)).not.toContain(SECRET)
  })

  it('a valid configuration still creates a working client', async () => {
    const fixture = await withEmulator()
    const dispatcher = new Agent()
    try {
      const iam = IamClient.create({
        endpoint: fixture.emulator.endpoint,
        credentials: fixture.emulator.credentials,
        allowInsecureHttp: true,
        dispatcher,
      })._unsafeUnwrap()
      expect((await iam.listUsers()).isOk()).toBe(true)
      await iam.close()
    } finally {
      await dispatcher.close()
      await fixture.close()
    }
  })
})

describe('the default credentials chain names each source once', () => {
  it('does not repeat "environment:" in its message', async () => {
    const error = (await defaultCredentials({ env: {}, file: '/nonexistent/bce-iam/config.json' })())._unsafeUnwrapErr()
    expect(error.message).toContain('tried environment: BCE_ACCESS_KEY_ID and BCE_SECRET_ACCESS_KEY not set; profile:')
    expect(error.message).not.toContain('environment: environment:')
  })
})

/** A trust document letting the account assume the role. */
function trust(accountId: string): Acl {
  return {
    version: 'v1',
    accessControlList: [
      { service: 'bce:iam', region: '*', permission: ['AssumeRole'], effect: 'Allow', grantee: [{ id: accountId }] },
    ],
  }
}

describe('emulator create statuses agree with research/iam-api.md', () => {
  it('answers 201 to the four documented creates and 200 to createAccessKey (the SDK accepts any 2xx)', async () => {
    const fixture = await withEmulator()
    try {
      const { iam, emulator } = fixture
      expect((await iam.createUser({ name: 'u' })).isOk()).toBe(true)
      expect((await iam.createGroup({ name: 'g' })).isOk()).toBe(true)
      expect(
        (
          await iam.createPolicy({
            name: 'p',
            document: {
              version: 'v1',
              accessControlList: [
                { service: 'bce:bos', region: '*', resource: ['*'], permission: ['READ'], effect: 'Allow' },
              ],
            },
          })
        ).isOk(),
      ).toBe(true)
      expect((await iam.createRole({ name: 'r', assumeRolePolicyDocument: trust(emulator.accountId) })).isOk()).toBe(
        true,
      )
      expect((await iam.createAccessKey({ userName: 'u' })).isOk()).toBe(true)
      const statuses = Object.fromEntries(
        emulator
          .requestLog()
          .filter((entry) => entry.method === 'POST')
          .map((entry) => [entry.operation, entry.status]),
      )
      expect(statuses).toEqual({
        createUser: 201,
        createGroup: 201,
        createPolicy: 201,
        createRole: 201,
        createAccessKey: 200,
      })
    } finally {
      await fixture.close()
    }
  })
})
