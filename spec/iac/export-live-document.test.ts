import { IamClient, type Result } from '../../lib'
import { exportState, type DesiredState, type ExportError } from '../../lib/iac/index'
import { rawServer, type RawServer } from '../support/raw-server'

/**
 * A live account whose policy or trust document does not parse: exportState must fail with a
 * typed error naming the entity (before, the document became an empty ACL and a later plan
 * would have "fixed" it with whatever the desired document says, unseen).
 */

const GOOD = JSON.stringify({
  accessControlList: [{ service: 'bcc', region: '*', permission: ['READ'], effect: 'Allow', resource: ['*'] }],
})

async function account(policyDocument: string, trustDocument: string): Promise<RawServer> {
  return rawServer((req, res) => {
    const path = (req.url ?? '').split('?')[0]
    const body: unknown =
      path === '/v1/user'
        ? { users: [] }
        : path === '/v1/group'
          ? { groups: [] }
          : path === '/v1/policy'
            ? { policies: [{ id: 'p1', name: 'broken', type: 'Custom', document: policyDocument }] }
            : path === '/v1/role'
              ? { roles: [{ id: 'r1', name: 'ops', assumeRolePolicyDocument: trustDocument }] }
              : { policies: [] }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  })
}

async function exportFrom(server: RawServer): Promise<Result<DesiredState, ExportError>> {
  const iam = new IamClient({
    endpoint: server.url,
    credentials: { accessKeyId: 'AK', secretAccessKey: 'SK' },
    allowInsecureHttp: true,
  })
  const result = await exportState(iam, { concurrency: 1 })
  await iam.close()
  return result
}

describe('exportState of a live document that does not parse', () => {
  let server: RawServer | undefined
  afterEach(async () => {
    await server?.close()
  })

  it('fails with UnreadableLiveDocument at the policy path (malformed JSON)', async () => {
    server = await account('{not json', GOOD)
    const error = (await exportFrom(server))._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'IacError', reason: 'UnreadableLiveDocument' })
    expect(error._tag === 'IacError' && error.issues.map((i) => i.path)).toEqual(['policies.broken.document'])
    expect(error.message).toContain('policies.broken.document')
  })

  it('names the offending field inside a trust document that is JSON but not an ACL', async () => {
    server = await account(GOOD, JSON.stringify({ accessControlList: [{ service: 'sts' }] }))
    const error = (await exportFrom(server))._unsafeUnwrapErr()
    expect(error).toMatchObject({ _tag: 'IacError', reason: 'UnreadableLiveDocument' })
    const paths = error._tag === 'IacError' ? error.issues.map((i) => i.path) : []
    expect(paths.length).toBeGreaterThan(0)
    expect(paths.every((p) => p.startsWith('roles.ops.trust.accessControlList.0.'))).toBe(true)
  })

  it('still exports when both documents parse', async () => {
    server = await account(GOOD, GOOD)
    const state = (await exportFrom(server))._unsafeUnwrap()
    expect(state.policies?.broken?.document.accessControlList).toHaveLength(1)
    expect(state.roles?.ops?.trust.accessControlList).toHaveLength(1)
  })
})
