import type { BceError } from 'bce-iam'
import { errAsync, okAsync, type ResultAsync } from 'neverthrow'
import { recover } from '../errors/narrow'
import type { EnsureAction, Ensured } from './ensure-types'

/** The calls that make one named entity exist as wanted. */
export interface EntityCalls<T, E extends BceError> {
  /** Creates the entity (a non-idempotent call: its answer may be lost). */
  readonly create: () => ResultAsync<T, E>
  /** Reads it back (`NotFound` when it does not exist). */
  readonly read: () => ResultAsync<T, E>
  /** Whether the live entity differs from the wanted one, in the fields the caller sets. */
  readonly differs: (live: T) => boolean
  /** Whether a freshly created entity still needs the update (fields the create cannot set). */
  readonly incomplete?: ((created: T) => boolean) | undefined
  /** Changes the differing fields. */
  readonly update: () => ResultAsync<T, E>
}

/** How many times a create whose answer was lost, and which reading back proved absent, is sent again. */
const CREATE_AGAIN = 1

const ensured = <T>(value: T, action: EnsureAction): Ensured<T> => Object.freeze({ value, action })

/** The request may have been applied: the answer was lost after it was sent. */
export function isLostAnswer(error: BceError): boolean {
  return error._tag === 'BceClientError' && error.outcomeUnknown === true
}

/**
 * Reads back after a lost answer: found means the change applied (`recovered`); `NotFound`
 * means it did not, so `again` runs (or the lost answer's error stands when none is given).
 */
function readBack<T, E extends BceError>(
  calls: EntityCalls<T, E>,
  lost: E,
  again: (() => ResultAsync<Ensured<T>, E>) | undefined,
): ResultAsync<Ensured<T>, E> {
  return calls
    .read()
    .map((value) => ensured(value, 'recovered'))
    .orElse(recover('NotFound', () => (again === undefined ? errAsync(lost) : again())))
}

/** Creates, or finds the entity taken (`AlreadyExists`), or confirms a lost create by reading back. */
function createOrFind<T, E extends BceError>(calls: EntityCalls<T, E>, left: number): ResultAsync<Ensured<T>, E> {
  return calls
    .create()
    .map((value) => ensured(value, 'created'))
    .orElse(recover('AlreadyExists', () => calls.read().map((value) => ensured(value, 'existing'))))
    .orElse((error: E) =>
      isLostAnswer(error)
        ? readBack(calls, error, left > 0 ? () => createOrFind(calls, left - 1) : undefined)
        : errAsync(error),
    )
}

/**
 * Sends the update; when its answer is lost, reads back: the change applied is `recovered`,
 * otherwise the update is sent once more (changing fields to the same values is harmless).
 */
export function updateConfirmed<T, E extends BceError>(
  calls: Pick<EntityCalls<T, E>, 'read' | 'differs' | 'update'>,
): ResultAsync<Ensured<T>, E> {
  return calls
    .update()
    .map((value) => ensured(value, 'updated'))
    .orElse((error: E) =>
      isLostAnswer(error)
        ? calls
            .read()
            .andThen((live) =>
              calls.differs(live)
                ? calls.update().map((value) => ensured(value, 'updated'))
                : okAsync(ensured(live, 'recovered')),
            )
        : errAsync(error),
    )
}

/**
 * Makes one named entity exist as wanted: create it; if the name is taken, read it and update
 * the fields that differ; if the create's answer was lost, read back instead of creating twice.
 */
export function ensureEntity<T, E extends BceError>(calls: EntityCalls<T, E>): ResultAsync<Ensured<T>, E> {
  return createOrFind(calls, CREATE_AGAIN).andThen((found) => {
    const needs = found.action === 'created' ? (calls.incomplete?.(found.value) ?? false) : calls.differs(found.value)
    if (!needs) return okAsync(found)
    return updateConfirmed(calls).map((updated) =>
      ensured(updated.value, found.action === 'existing' ? updated.action : found.action),
    )
  })
}
