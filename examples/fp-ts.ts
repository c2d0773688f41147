import * as E from 'fp-ts/Either'
import { pipe } from 'fp-ts/function'
import * as TE from 'fp-ts/TaskEither'
import { IamClient, type BceError } from 'bce-iam'
import { orElseKind, taskEitherClient } from 'bce-iam/fp-ts'
import type { ExampleContext } from './context'

/** One line describing an error, by tag and then kind or reason. */
const describe = (error: BceError): string =>
  error._tag === 'BceServiceError' ? `${error.kind} (${error.code})` : `${error.reason}: ${error.message}`

/**
 * fp-ts: the IAM client's methods as `TaskEither`s. Ensure a user exists (create it, or read it
 * when the name is taken), then read a user that does not exist and recover from `NotFound`.
 * Each task runs only when called, and its promise never rejects.
 */
export async function fpTs({ endpoint, credentials, log }: ExampleContext): Promise<boolean> {
  const client = new IamClient({ endpoint, credentials, allowInsecureHttp: true })
  const iam = taskEitherClient(client)
  let good = true
  const check = (ok: boolean, line: string): void => {
    good &&= ok
    log(`${ok ? '✓' : '✗'} ${line}`)
  }

  // AlreadyExists is one of createUser's declared kinds: recover by reading the existing user.
  const ensureUser = (name: string) =>
    pipe(
      iam.createUser({ name, description: 'fp-ts' }),
      orElseKind('AlreadyExists', () => iam.getUser({ userName: name })),
    )

  const first = await ensureUser('dana')()
  check(
    E.isRight(first),
    pipe(
      first,
      E.match(describe, (u) => `ensureUser   → created ${u.name} (id ${u.id})`),
    ),
  )
  const second = await ensureUser('dana')()
  check(
    E.isRight(second) && E.isRight(first) && second.right.id === first.right.id,
    pipe(
      second,
      E.match(describe, (u) => `ensureUser   → already there, read ${u.name} (id ${u.id})`),
    ),
  )

  const missing = await pipe(
    iam.getUser({ userName: 'nobody' }),
    TE.map((user) => user.name),
    orElseKind('NotFound', () => TE.right('(none)')),
  )()
  check(
    E.isRight(missing) && missing.right === '(none)',
    pipe(
      missing,
      E.match(describe, (n) => `getUser      → ${n}, NotFound recovered`),
    ),
  )

  const names = await pipe(
    iam.listUsers(),
    TE.map((users) => users.map((user) => user.name).join(', ')),
  )()
  check(
    E.isRight(names),
    pipe(
      names,
      E.match(describe, (n) => `listUsers    → ${n}`),
    ),
  )

  await client.close()
  return good
}
