/** Suggestions for misspelt names: the candidate within edit distance 2 (and not more than half the name). */

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length] as number
}

/** The closest of `candidates` to `name`, or null when none is close. Ties go to the first. */
export function closestName(name: string, candidates: readonly string[]): string | null {
  let best: string | null = null
  let bestDistance = Math.min(2, Math.floor(name.length / 2))
  for (const candidate of candidates) {
    const d = distance(name, candidate)
    if (d > 0 && d <= bestDistance && (best === null || d < distance(name, best))) {
      best = candidate
      bestDistance = d
    }
  }
  return best
}
