import type * as t from 'io-ts'

/** What a fast path returns when it does not vouch for a value: the io-ts codec then decides. */
export const REJECTED: unique symbol = Symbol('rejected')

/**
 * A decoder for the success path: plain typeof checks instead of io-ts contexts and Eithers.
 * It returns exactly what the codec it stands for would decode, or {@link REJECTED} when the
 * value is invalid (or unusual enough that only the codec should judge it); issues are always
 * built by the codec.
 */
export type FastDecode<A> = (value: unknown) => A | typeof REJECTED

const registry = new WeakMap<object, FastDecode<unknown>>()

/** Attaches a fast path to a codec (which stays the reference) and returns the codec. */
export function withFastPath<C extends t.Decoder<unknown, A>, A>(codec: C, fast: FastDecode<A>): C {
  registry.set(codec, fast)
  return codec
}

/** The fast path attached to `codec`, if any. */
export function fastPathOf<A>(codec: t.Decoder<unknown, A>): FastDecode<A> | undefined {
  return registry.get(codec) as FastDecode<A> | undefined
}
