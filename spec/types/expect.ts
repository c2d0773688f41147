/** Compile-time assertion helpers for the type tests in this folder (no runtime effect). */

/** `true` exactly when `A` and `B` are the same type (mutual assignability is not enough). */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- the standard exact-equality trick
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

/** Compiles only when `T` is `true`. */
export type Expect<T extends true> = T

/** `true` when `Sub` is assignable to `Super`. */
export type Extends<Sub, Super> = [Sub] extends [Super] ? true : false

/** `true` when `A` is `false`. */
export type Not<A extends boolean> = A extends true ? false : true
