/** What a fast path returns when it does not vouch for a value: the io-ts codec then decides. */
export const REJECTED: unique symbol = Symbol('rejected')

/**
 * A decoder for the success path: plain typeof checks instead of io-ts contexts and Eithers.
 * It returns exactly what the codec it stands for would decode, or {@link REJECTED} when the
 * value is invalid (or unusual enough that only the codec should judge it); issues are always
 * built by the codec. Fast paths are derived from codecs (see derive.ts), never written by hand.
 */
export type FastDecode<A> = (value: unknown) => A | typeof REJECTED
