import { ResultAsync } from 'neverthrow'

/** Runs at most `concurrency` tasks at a time; a small local semaphore (no dependency). */
export type Limiter = <T, E>(task: () => ResultAsync<T, E>) => ResultAsync<T, E>

/** Creates a {@link Limiter} admitting `concurrency` (at least 1) tasks at once. */
export function limiter(concurrency: number): Limiter {
  const max = Math.max(1, Math.floor(concurrency))
  let running = 0
  const waiting: Array<() => void> = []
  const release = (): void => {
    running -= 1
    waiting.shift()?.()
  }
  const acquire = (): Promise<void> =>
    new Promise((resolve) => {
      if (running < max) {
        running += 1
        resolve()
      } else
        waiting.push(() => {
          running += 1
          resolve()
        })
    })
  return <T, E>(task: () => ResultAsync<T, E>): ResultAsync<T, E> =>
    new ResultAsync(
      acquire().then(async () => {
        try {
          return await task()
        } finally {
          release()
        }
      }),
    )
}
