/**
 * Where each server and location block sits in the nginx.conf `renderNginxConf` wrote, so the nginx.conf view
 * can highlight the location that answered a request. Reads the renderer's own markers (`## start server`,
 * one `location` head per compiled location, in order).
 */
import { nginxCommentText } from '../route/nginx-quote'
import type { CompiledRoutes } from '../route/types'

/** 1-based, inclusive line numbers. */
export interface LineRange {
  readonly start: number
  readonly end: number
}

export interface NginxConfIndex {
  /** Compiled location id → its block (a location left out of the file is its one comment line). */
  readonly locations: Readonly<Record<string, LineRange>>
  /** Server hostname (`_` for the catch-all) → its block. */
  readonly servers: Readonly<Record<string, LineRange>>
}

const indentOf = (line: string): number => line.length - line.trimStart().length

function blockEnd(lines: readonly string[], from: number): number {
  const indent = indentOf(lines[from] as string)
  for (let i = from + 1; i < lines.length; i++) {
    const line = lines[i] as string
    // The closing `}` stands at the block's indent: a cheap look there first, as the file has ~30 lines a host.
    if (line.charCodeAt(indent) === 0x7d && line.trim() === '}' && indentOf(line) === indent) return i
  }
  return from
}

/** Finds every server and location of `compiled` in `conf` (the output of `renderNginxConf(compiled)`). */
export function indexNginxConf(conf: string, compiled: CompiledRoutes): NginxConfIndex {
  const lines = conf.split('\n')
  // The markers are comments, so the renderer wrote each hostname with its control characters escaped.
  const byHost = new Map(compiled.servers.map((server) => [nginxCommentText(server.hostname), server]))
  const locations: Record<string, LineRange> = {}
  const servers: Record<string, LineRange> = {}
  for (let i = 0; i < lines.length; i++) {
    const marker = /^\s*## start server (.+)$/.exec(lines[i] as string)
    const server = marker ? byHost.get(marker[1] as string) : undefined
    if (!server) continue
    const endMarker = `## end server ${marker?.[1] ?? ''}`
    let end = i
    while (end < lines.length && !(lines[end] as string).includes(endMarker)) end++
    servers[server.hostname] = { start: i + 1, end: Math.min(end, lines.length - 1) + 1 }
    let next = 0
    for (let j = i + 1; j < end && next < server.locations.length; j++) {
      const text = (lines[j] as string).trim()
      if (!text.startsWith('location ') && !text.startsWith('# location ')) continue
      const last = text.startsWith('#') ? j : blockEnd(lines, j)
      locations[(server.locations[next] as (typeof server.locations)[number]).id] = { start: j + 1, end: last + 1 }
      next++
      j = last
    }
    i = end
  }
  return { locations, servers }
}
