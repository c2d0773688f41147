import { Effect } from 'effect'
import { IamClientService, layer } from 'bce-iam/effect'
import type { ExampleContext } from './context'

/**
 * Effect: the IAM client as a service provided by a scoped layer (created from the config,
 * closed with the scope). Failures are tagged by kind and reason, so `catchTag('AlreadyExists')`
 * and `catchTags({ NotFound, … })` handle them by name; undeclared kinds do not compile.
 */
export async function effect({ endpoint, credentials, log }: ExampleContext): Promise<boolean> {
  let good = true
  const check = (ok: boolean, line: string): void => {
    good &&= ok
    log(`${ok ? '✓' : '✗'} ${line}`)
  }

  const program = Effect.gen(function* () {
    const iam = yield* IamClientService

    const user = yield* iam.createUser({ name: 'erin', description: 'effect' })
    check(user.name === 'erin', `createUser   → ${user.name} (id ${user.id})`)

    // createUser declares AlreadyExists: catch it by name and read the existing user instead.
    const again = yield* iam.createUser({ name: 'erin' }).pipe(
      Effect.catchTag('AlreadyExists', (e) =>
        Effect.andThen(
          Effect.sync(() => log(`  (${e.error.code}: reading instead)`)),
          iam.getUser({ userName: 'erin' }),
        ),
      ),
    )
    check(again.id === user.id, `createUser again → AlreadyExists caught, same id ${again.id}`)

    // getUser declares NotFound; InvalidInput is a client reason (nothing is sent).
    const lookup = (userName: string) =>
      iam.getUser({ userName }).pipe(
        Effect.map((u) => `found ${u.name}`),
        Effect.catchTags({
          NotFound: (e) => Effect.succeed(`NotFound (HTTP ${e.error.statusCode})`),
          InvalidInput: (e) => Effect.succeed(`InvalidInput (${e.error.issues?.[0]?.path ?? '?'})`),
        }),
      )
    const missing = yield* lookup('nobody')
    check(missing.startsWith('NotFound'), `getUser nobody → ${missing}`)
    const invalid = yield* lookup('')
    check(invalid.startsWith('InvalidInput'), `getUser ''     → ${invalid}`)

    yield* iam.deleteUser({ userName: 'erin' })
    const gone = yield* lookup('erin')
    check(gone.startsWith('NotFound'), `deleteUser, then getUser → ${gone}`)
  })

  const outcome = await Effect.runPromise(
    program.pipe(Effect.provide(layer({ endpoint, credentials, allowInsecureHttp: true })), Effect.either),
  )
  if (outcome._tag === 'Left') check(false, `unexpected failure: ${String(outcome.left)}`)
  return good
}
