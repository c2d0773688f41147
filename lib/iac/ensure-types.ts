/**
 * What the ensure combinators answer: the entity as it now is, and what it took to get there.
 *
 * @packageDocumentation
 */

/**
 * What an ensure call did: `created` it; found it `existing` as wanted; found it and `updated`
 * the differing fields; or `recovered` a call whose answer was lost (`outcomeUnknown`) by reading
 * the entity back and finding the change applied, instead of failing or creating twice.
 */
export type EnsureAction = 'created' | 'existing' | 'updated' | 'recovered'

/** The answer of an ensure combinator. */
export interface Ensured<T> {
  /** The entity as the service last reported it. */
  readonly value: T
  /** What was done to reach the wanted state. */
  readonly action: EnsureAction
}
