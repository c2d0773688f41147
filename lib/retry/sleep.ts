/**
 * Waits `ms` milliseconds; resolves `false` early if `signal` (or `shutdown`) aborts, never
 * rejects. The timer is a normal (ref'd) one: a call waiting to retry is pending I/O and keeps
 * the process alive until it settles, like any other pending request. Both ways of ending the
 * wait remove both listeners; a wait of 0 or less is a 0 ms timer.
 */
export function sleep(ms: number, signal?: AbortSignal, shutdown?: AbortSignal): Promise<boolean> {
  if (signal?.aborted === true || shutdown?.aborted === true) return Promise.resolve(false)
  return new Promise((resolve) => {
    const onAbort = (): void => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', onAbort)
      shutdown?.removeEventListener('abort', onAbort)
      resolve(false)
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      shutdown?.removeEventListener('abort', onAbort)
      resolve(true)
    }, ms)
    signal?.addEventListener('abort', onAbort)
    shutdown?.addEventListener('abort', onAbort)
  })
}
