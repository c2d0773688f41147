import { err, IamClient, ok, type BceError } from 'bce-iam'
import type { ExampleContext } from './context'

/** One line describing an error, by tag and then kind or reason. */
function describe(error: BceError): string {
  return error._tag === 'BceServiceError'
    ? `${error.kind} (${error.code}, HTTP ${error.statusCode})`
    : `${error.reason}: ${error.message}`
}

/**
 * Quick start: create a user, fail to create it twice (AlreadyExists), read, update, list,
 * delete, and fail to read it again (NotFound).
 */
export async function quickstart({ endpoint, credentials, log }: ExampleContext): Promise<boolean> {
  const iam = new IamClient({ endpoint, credentials, allowInsecureHttp: true })
  let good = true
  const check = (ok: boolean, line: string): void => {
    good &&= ok
    log(`${ok ? '✓' : '✗'} ${line}`)
  }

  const created = await iam.createUser({ name: 'alice', description: 'ops engineer' })
  check(
    created.isOk(),
    created.match(
      (u) => `createUser   → ${u.name} (id ${u.id})`,
      (e) => `createUser   → ${describe(e)}`,
    ),
  )

  const again = await iam.createUser({ name: 'alice' })
  check(
    again.isErr() && again.error._tag === 'BceServiceError' && again.error.kind === 'AlreadyExists',
    again.match(
      () => 'createUser again → unexpectedly created',
      (e) => `createUser again → ${describe(e)}, as expected`,
    ),
  )

  const fetched = await iam.getUser({ userName: 'alice' })
  check(
    fetched.isOk(),
    fetched.match(
      (u) => `getUser      → ${u.name}, "${u.description ?? ''}", created ${u.createTime?.toISOString() ?? '?'}`,
      (e) => `getUser → ${describe(e)}`,
    ),
  )

  const updated = await iam.updateUser({ userName: 'alice', description: 'on call', enabled: false })
  check(
    updated.isOk(),
    updated.match(
      (u) => `updateUser   → "${u.description ?? ''}", enabled ${String(u.enabled)}`,
      (e) => `updateUser → ${describe(e)}`,
    ),
  )

  const listed = await iam.listUsers()
  check(
    listed.isOk(),
    listed.match(
      (us) => `listUsers    → [${us.map((u) => u.name).join(', ')}]`,
      (e) => `listUsers → ${describe(e)}`,
    ),
  )

  const deleted = await iam.deleteUser({ userName: 'alice' })
  check(
    deleted.isOk(),
    deleted.match(
      () => 'deleteUser   → done',
      (e) => `deleteUser → ${describe(e)}`,
    ),
  )

  const gone = await iam
    .getUser({ userName: 'alice' })
    .map((u) => `still there: ${u.name}`)
    .orElse((e) => (e._tag === 'BceServiceError' && e.kind === 'NotFound' ? ok(`${describe(e)}, as expected`) : err(e)))
  check(gone.isOk() && !gone.value.startsWith('still'), `getUser      → ${gone.match((s) => s, describe)}`)

  await iam.close()
  return good
}
