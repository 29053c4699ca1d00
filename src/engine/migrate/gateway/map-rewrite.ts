/**
 * What use-regex and rewrite-target make of one Ingress path (docs/migration.md#annotations): the rule's path
 * match and its URLRewrite path, or the RequestRedirect a rewrite to an absolute URL makes. ingress-nginx facts:
 * docs/routing.md#rewrite-target, docs/routing.md#use-regex; Gateway API facts: docs/gateway-api.md#filters.
 */
import { msg } from '../../messages/message'
import { FullMatchRegex } from '../../gateway/match-request'
import type { IngressAnnotations } from '../../route/annotations'
import { isRedirectReplacement, parseNginxTemplate } from '../../route/nginx-variables'
import { scanPcreGroups } from '../../route/pcre-groups'
import { annotationFinding } from './annotation-finding'
import type { DraftFilter, DraftPath, DraftPathMatch, DraftPathModifier } from './draft'
import { redirectFilterOf } from './redirect-url'
import type { ConversionFinding } from './types'

export interface RewriteMapping {
  /** The rule's path match: as the structure wrote it, a RegularExpression, or the capture pattern's PathPrefix. */
  readonly path: DraftPathMatch
  /** The URLRewrite path modifier; null when the path goes upstream unchanged. */
  readonly rewrite: DraftPathModifier | null
  /** A rewrite-target that is an absolute URL: nginx answers 302, so the rule redirects. */
  readonly redirect: DraftFilter | null
}

/** The path as the location is named: an omitted path (or a default backend) is `/`. */
export function locationPath(path: DraftPath): string {
  return path.ingressPath === null || path.ingressPath === '' ? '/' : path.ingressPath
}

/** rewrite-target takes effect when it differs from the location's path (route/expand-locations.ts). */
export function effectiveRewrite(path: DraftPath, annotations: IngressAnnotations): string | null {
  const target = annotations.rewriteTarget
  return target !== '' && target !== locationPath(path) ? target : null
}

// PCRE syntax other than `.`: a path with one of these, on a rewrite location, is a regex nobody meant as a literal.
const REGEX_SYNTAX = /[\\^$|?*+()[\]{}]/

/** Whether ingress-nginx reads this path as a regex its author wrote (use-regex, or regex syntax in a rewrite). */
export function isRegexPath(path: DraftPath, annotations: IngressAnnotations): boolean {
  if (path.ingressPath === null) return false
  return annotations.useRegex || (effectiveRewrite(path, annotations) !== null && REGEX_SYNTAX.test(path.ingressPath))
}

/** Whether `pattern` has a `|` outside every group and class (it then binds looser than the location's `^`). */
export function hasTopLevelAlternation(pattern: string): boolean {
  let depth = 0
  let inClass = false
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]
    if (ch === '\\') i++
    else if (inClass) inClass = ch !== ']'
    else if (ch === '[') inClass = true
    else if (ch === '(') depth++
    else if (ch === ')') depth--
    else if (ch === '|' && depth === 0) return true
  }
  return false
}

/**
 * The RegularExpression for a regex location `~* "^<path>"`: case-insensitive (`(?i)`, the leading flag most
 * implementations read), anchored at the start by the Gateway's whole-path match, and open at the end (`.*`)
 * because nginx's location regex is.
 */
export function regexMatchValue(path: string): string {
  const body = hasTopLevelAlternation(path) ? `(?:${path})` : path
  const open = /(^|[^\\])\$$/.test(path) || path.endsWith('.*') ? '' : '.*'
  return `(?i)${body}${open}`
}

// A literal path in regex syntax: segments of letters, digits, `_~-` and escaped dots.
const LITERAL = String.raw`((?:\/(?:[A-Za-z0-9_~-]|\\\.)+)+)`
/** `/x(/|$)(.*)` (ingress-nginx's docs example, the rest as `$2`), `/x/(.*)` and `/x/(.+)` (the rest as `$1`). */
const PREFIX_PATTERNS = [
  { regex: new RegExp(String.raw`^${LITERAL}\(\/\|\$\)\(\.\*\)$`), group: 2, differs: null },
  { regex: new RegExp(String.raw`^${LITERAL}\/\(\.\*\)$`), group: 1, differs: 'bare' },
  { regex: new RegExp(String.raw`^${LITERAL}\/\(\.\+\)$`), group: 1, differs: 'bare-and-slash' },
] as const
/** A target: an optional literal path, then `/` and the capture. */
const TARGET = /^((?:\/[A-Za-z0-9._~-]+)*)\/\$([12])$/

/** A prefix the regex strips and what replaces it: PathPrefix `prefix` with ReplacePrefixMatch `replacement`. */
export interface StrippedPrefix {
  readonly prefix: string
  readonly replacement: string
  /**
   * The requests that still differ, besides letter case: null for none; `bare` the prefix itself (nginx's regex needs
   * the `/`), `bare-and-slash` the prefix with and without `/` (it needs one more character), `slash` the prefix itself,
   * which nginx sends as `<replacement>/` and ReplacePrefixMatch as `<replacement>`.
   */
  readonly differs: 'bare' | 'bare-and-slash' | 'slash' | null
}

const PREFIX_DIFFERENCE = {
  'bare': 'ma-rewrite-prefix-bare',
  'bare-and-slash': 'ma-rewrite-prefix-bare-and-slash',
  'slash': 'ma-rewrite-prefix-slash',
} as const

/**
 * When the regex `path` is a literal prefix followed by the rest captured, and `target` a literal path then that
 * capture, the rewrite is ReplacePrefixMatch on PathPrefix: the prefix and what replaces it; null otherwise.
 */
export function strippedPrefix(path: string, target: string): StrippedPrefix | null {
  const wanted = TARGET.exec(target)
  if (!wanted) return null
  for (const pattern of PREFIX_PATTERNS) {
    const found = pattern.regex.exec(path)
    if (!found || Number(wanted[2]) !== pattern.group) continue
    const prefix = (found[1] as string).replace(/\\\./g, '.')
    const replacement = wanted[1] as string
    const differs = pattern.differs ?? (replacement === '' ? null : 'slash')
    return { prefix, replacement: replacement === '' ? '/' : replacement, differs }
  }
  return null
}

const readable = new Map<string, boolean>()

/** Whether the Gateway router reads `pattern` (RE2; gateway/match-request.ts), remembered per pattern. */
export function gatewayReadsRegex(pattern: string): boolean {
  let known = readable.get(pattern)
  if (known === undefined) {
    known = !new FullMatchRegex(pattern).unusable
    if (readable.size > 10_000) readable.clear()
    readable.set(pattern, known)
  }
  return known
}

function regexPathMatch(path: DraftPath, written: string, findings: ConversionFinding[]): DraftPathMatch {
  if (written === '/' || written === '/.*') return { type: 'PathPrefix', value: '/' }
  const value = regexMatchValue(written)
  if (!gatewayReadsRegex(value)) {
    findings.push(annotationFinding('annotation-not-converted', path.ingress, 'use-regex', msg('ma-regex-not-re2', { path: written, regex: value })))
  } else if (hasTopLevelAlternation(written)) {
    findings.push(annotationFinding('annotation-partly-converted', path.ingress, 'use-regex', msg('ma-regex-alternation', { path: written, regex: value })))
  }
  return { type: 'RegularExpression', value }
}

/** The path match and rewrite of `path` under `annotations`; what differs goes to `findings`. */
export function mapRewrite(path: DraftPath, original: DraftPathMatch, annotations: IngressAnnotations, findings: ConversionFinding[]): RewriteMapping {
  const written = locationPath(path)
  const target = effectiveRewrite(path, annotations)
  const finding = (code: Parameters<typeof annotationFinding>[0], id: Parameters<typeof msg>[0], params: Record<string, string | number> = {}): void => {
    findings.push(annotationFinding(code, path.ingress, 'rewrite-target', msg(id, { path: written, target: target ?? '', ...params })))
  }
  if (target !== null && isRegexPath(path, annotations)) {
    const stripped = strippedPrefix(written, target)
    if (stripped !== null) {
      const { prefix, replacement, differs } = stripped
      finding('annotation-partly-converted', 'ma-rewrite-prefix', { prefix, replacement })
      if (differs !== null) finding('annotation-partly-converted', PREFIX_DIFFERENCE[differs], { prefix, replacement })
      return { path: { type: 'PathPrefix', value: prefix }, rewrite: { type: 'ReplacePrefixMatch', replacePrefixMatch: replacement }, redirect: null }
    }
  }
  const match = isRegexPath(path, annotations) ? regexPathMatch(path, written, findings) : original
  if (target === null) return { path: match, rewrite: null, redirect: null }
  const parsed = parseNginxTemplate(target, 'rewrite')
  // A capture of a group the path's regex does not have is always empty (nginx copies nothing for it), so it
  // drops out; the target is then as literal as one without captures.
  const groups = scanPcreGroups(written).count
  const parts = parsed.kind === 'ok' ? parsed.parts.filter((part) => part.kind !== 'capture' || part.group <= groups) : []
  const reads = parts.some((part) => part.kind === 'capture') ? 'captures' : parts.some((part) => part.kind === 'variable') ? 'variables' : null
  if (parsed.kind !== 'ok' || reads !== null) {
    finding('annotation-not-converted', reads === 'variables' ? 'ma-rewrite-variables' : 'ma-rewrite-captures')
    return { path: match, rewrite: null, redirect: null }
  }
  const literal = parts.map((part) => (part.kind === 'text' ? part.text : part.kind === 'args' ? '?' : '')).join('')
  if (isRedirectReplacement(target)) {
    // nginx answers 302 with the target and the request's arguments; a RequestRedirect keeps the query too.
    const redirect = redirectFilterOf(literal, 302)
    if (redirect.kind === 'ok') {
      finding('annotation-converted', 'ma-rewrite-redirect')
      return { path: match, rewrite: null, redirect: redirect.filter }
    }
    finding('annotation-not-converted', 'ma-rewrite-redirect-unexpressible')
    return { path: match, rewrite: null, redirect: null }
  }
  const args = parts.findIndex((part) => part.kind === 'args')
  if (args !== -1) {
    const newPath = parts.slice(0, args).map((part) => (part.kind === 'text' ? part.text : '')).join('') || '/'
    finding('annotation-partly-converted', 'ma-rewrite-arguments', { newPath })
    return { path: match, rewrite: { type: 'ReplaceFullPath', replaceFullPath: newPath }, redirect: null }
  }
  if (literal === '') {
    // nginx: "the rewritten URI has a zero length", a 500 for every request (docs/routing.md#rewrite-target).
    finding('annotation-not-converted', 'ma-rewrite-captures')
    return { path: match, rewrite: null, redirect: null }
  }
  if (literal === target) finding('annotation-converted', 'ma-rewrite-full-path')
  else finding('annotation-converted', 'ma-rewrite-empty-captures', { literal })
  return { path: match, rewrite: { type: 'ReplaceFullPath', replaceFullPath: literal }, redirect: null }
}
