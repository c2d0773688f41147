import type { AnyOperationSpec } from './operation'

/**
 * A table of operations keyed by their names: each key must equal its operation's `name`
 * (checked by the type of `defineRegistry`).
 */
export type OperationRegistry = Readonly<Record<string, AnyOperationSpec>>

/** `R` when every key of `R` names its own operation; a key naming another operation does not compile. */
export type NamedByKey<R> = { readonly [N in keyof R]: AnyOperationSpec & { readonly name: N } }

/**
 * Declares a service's operation registry, e.g. `defineRegistry({ getUser, createUser })`. The
 * identity function, there for the type check that each key is its operation's name; the
 * result is frozen.
 */
export function defineRegistry<const R extends NamedByKey<R>>(registry: R): Readonly<R> {
  return Object.freeze(registry)
}

/** The operations of a registry as a list, in declaration order. */
export function operationsOf<R extends OperationRegistry>(registry: R): ReadonlyArray<R[keyof R]> {
  return Object.values(registry) as Array<R[keyof R]>
}
