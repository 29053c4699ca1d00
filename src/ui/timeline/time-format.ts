/** Simulated time as people read it on the timeline: seconds with one or two decimals. */

/** `12.34 s`-style text without the unit: two decimals under 100 s, one above. */
export function formatSeconds(ms: number): string {
  const s = ms / 1000
  return s < 100 ? s.toFixed(2) : s.toFixed(1)
}

/** kubectl's age style for a whole number of seconds: `45s`, `3m12s`, `1h5m`. */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds))
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${s % 60 ? `${s % 60}s` : ''}`
  return `${Math.floor(s / 3600)}h${Math.floor((s % 3600) / 60)}m`
}
