/**
 * Type tests for bce-iam/effect (compiled by `npm run typecheck`, never run): each Effect method
 * keeps its operation's input and value, and its failures are tagged by kind and reason, so
 * `catchTag` / `catchTags` accept the declared kinds and the client reasons and refuse undeclared
 * kinds; the layer can fail only with a configuration error.
 */
import { Effect, Layer } from 'effect'
import type { BceClientError, CommonErrorKind, IamClient, ServiceError, ServiceErrorOf, User } from '../../lib'
import {
  effectClient,
  IamClientService,
  layer,
  type ConfigFailure,
  type EffectErrorOf,
  type TaggedBceError,
} from '../../lib/effect'
import type { Equal, Expect } from '../types/expect'

type GetUserError = BceClientError | ServiceError<'NotFound' | CommonErrorKind>

/** Effect: one tagged failure per declared kind, common kind and client reason; nothing else. */
export function effects(iam: IamClient) {
  const fx = effectClient(iam)
  const getUser = fx.getUser({ userName: 'alice' })
  type Failure = Effect.Effect.Error<typeof getUser>
  const failure: Expect<Equal<Failure, EffectErrorOf<GetUserError>>> = true
  const tags: Expect<
    Equal<
      Failure['_tag'],
      | 'NotFound'
      | CommonErrorKind
      | 'InvalidInput'
      | 'InvalidConfig'
      | 'Credentials'
      | 'Network'
      | 'Timeout'
      | 'Aborted'
      | 'Decode'
      | 'Internal'
    >
  > = true
  const notFound: Expect<
    Equal<Extract<Failure, { _tag: 'NotFound' }>, TaggedBceError<'NotFound', ServiceErrorOf<'NotFound'>>>
  > = true
  const value: Expect<Equal<Effect.Effect.Success<typeof getUser>, User>> = true

  // catchTag by kind: the kind leaves the error channel; the handler sees the SDK error of that kind
  const caught = getUser.pipe(Effect.catchTag('NotFound', (e) => Effect.succeed(e.error.code)))
  const gone: Expect<Equal<Extract<Effect.Effect.Error<typeof caught>, { _tag: 'NotFound' }>, never>> = true
  // … and by client reason, where the error's reason is narrowed
  const byReason = getUser.pipe(
    Effect.catchTag('InvalidInput', (e) => {
      const reason: Expect<Equal<typeof e.error.reason, 'InvalidInput'>> = true
      return Effect.succeed(`${String(reason)} ${e.error.message}`)
    }),
  )
  const both = Effect.catchTags(getUser, { NotFound: () => Effect.succeed(null), Timeout: () => Effect.succeed(null) })

  // @ts-expect-error: getUser never fails with AlreadyExists, so catchTag refuses the kind
  const undeclared = Effect.catchTag(getUser, 'AlreadyExists', () => Effect.succeed(null))
  // @ts-expect-error: the same in a pipe
  const undeclaredPiped = getUser.pipe(Effect.catchTag('AlreadyExists', () => Effect.succeed(null)))
  // @ts-expect-error: the SDK's own _tag is not a failure tag (the kind or reason is)
  const sdkTag = Effect.catchTag(getUser, 'BceServiceError', () => Effect.succeed(null))
  // @ts-expect-error: catchTags refuses an undeclared kind too
  const undeclaredCases = Effect.catchTags(getUser, { AlreadyExists: () => Effect.succeed(null) })
  // @ts-expect-error: a wrong input does not compile
  const wrongInput = fx.getUser({ userName: 42 })
  return [
    failure,
    tags,
    notFound,
    value,
    caught,
    gone,
    byReason,
    both,
    undeclared,
    undeclaredPiped,
    sdkTag,
    undeclaredCases,
    wrongInput,
  ] as const
}

/** The layer provides the service and can fail only with a configuration error. */
export function layers() {
  const live = layer({ credentials: { accessKeyId: 'ak', secretAccessKey: 'sk' } })
  const failure: Expect<Equal<Layer.Layer.Error<typeof live>, ConfigFailure>> = true
  const tags: Expect<Equal<ConfigFailure['_tag'], 'InvalidConfig' | 'Credentials'>> = true
  const program = Effect.gen(function* () {
    const iam = yield* IamClientService
    return yield* iam.getUser({ userName: 'alice' })
  })
  const provided = program.pipe(Effect.provide(live))
  const needsNothing: Expect<Equal<Effect.Effect.Context<typeof provided>, never>> = true
  return [failure, tags, needsNothing, provided] as const
}
