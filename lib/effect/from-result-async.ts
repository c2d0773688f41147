import type { BceError } from 'bce-iam'
import { Effect } from 'effect'
import type { ResultAsync } from 'neverthrow'
import { tagError, type EffectErrorOf } from './tagged-error'

/**
 * An `Effect` from a function returning an SDK `ResultAsync`: each run calls `make` once, with an
 * `AbortSignal` that fires when the fiber is interrupted (pass it to the call's `signal` option to
 * abort the request). The value succeeds; an error fails, tagged by {@link tagError}. Nothing
 * dies: a `ResultAsync` never rejects.
 */
export function fromResultAsync<A, Err extends BceError>(
  make: (signal: AbortSignal) => ResultAsync<A, Err>,
): Effect.Effect<A, EffectErrorOf<Err>> {
  return Effect.flatMap(
    Effect.promise((signal) => make(signal)),
    (result): Effect.Effect<A, EffectErrorOf<Err>> =>
      result.isOk() ? Effect.succeed(result.value) : Effect.fail(tagError(result.error)),
  )
}
