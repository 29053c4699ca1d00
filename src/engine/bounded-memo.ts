/**
 * A pure function's answers kept by key, for inputs a cluster repeats thousands of times (one regex in every app).
 * Bounded: when full it starts over, so an input of a million distinct keys costs memory for `limit` answers
 * at most. Only for functions whose answer depends on their arguments alone and is never mutated by callers;
 * the engine stays deterministic (a cached answer equals a computed one).
 */
export function boundedMemo<A extends readonly unknown[], R>(limit: number, keyOf: (...args: A) => string, compute: (...args: A) => R): (...args: A) => R {
  const answers = new Map<string, R>()
  return (...args: A): R => {
    const key = keyOf(...args)
    if (answers.has(key)) return answers.get(key) as R
    if (answers.size >= limit) answers.clear()
    const answer = compute(...args)
    answers.set(key, answer)
    return answer
  }
}
