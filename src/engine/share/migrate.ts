/**
 * Upgrades of older payload shapes to the current schema, one function per format, kept forever: a link in a
 * slide deck from years ago must still open. Each takes untrusted JSON and returns untrusted JSON in the current
 * shape; `checkPayload` validates the result, so upgraders only move fields and never validate.
 */

type Json = unknown

function isRecord(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * `v1` (the first, plain format: `{source, selection?: {view?}, playback?: {cursorSeconds?, speed?}}`)
 * → current: the view moves to `view`, the playback position to `timeline`. Other fields pass through, so the
 * schema check reports them.
 */
export function migrateV1(raw: Json): Json {
  if (!isRecord(raw)) return raw
  const { selection, playback, ...rest } = raw
  const out: Record<string, Json> = { ...rest }
  if (isRecord(selection) && selection.view !== undefined) out.view = selection.view
  if (isRecord(playback) && playback.cursorSeconds !== undefined) {
    out.timeline = playback.speed === undefined ? { cursorSeconds: playback.cursorSeconds } : { cursorSeconds: playback.cursorSeconds, speed: playback.speed }
  }
  return out
}
