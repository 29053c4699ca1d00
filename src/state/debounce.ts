/** A trailing-edge debounce with `flush` (run now if something waits) and `cancel`. */
export interface Debounced<A extends unknown[]> {
  (...args: A): void
  flush(): void
  cancel(): void
}

/** Delays `fn` until `delayMs` passed without another call; the latest arguments win. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, delayMs: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined
  let pending: A | undefined
  const run = () => {
    timer = undefined
    const args = pending
    pending = undefined
    if (args) fn(...args)
  }
  const debounced = (...args: A) => {
    pending = args
    clearTimeout(timer)
    timer = setTimeout(run, delayMs)
  }
  debounced.flush = () => {
    clearTimeout(timer)
    run()
  }
  debounced.cancel = () => {
    clearTimeout(timer)
    timer = undefined
    pending = undefined
  }
  return debounced
}
