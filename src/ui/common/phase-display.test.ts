import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DISPLAY_PHASE_OF_CODE, DISPLAY_PHASES, POD_PHASE_NAMES } from '../../engine/simulate/pod-phases'
import { readCssRules } from '../testing/css-rules'
import { KEYED_PHASES, PHASE_DISPLAY } from './phase-display'

const colorRules = readCssRules(new URL('./phase-colors.css', import.meta.url))
const THEMES = {
  light: colorRules.find((rule) => rule.selector === ':root' && rule.at === null),
  'dark (picked)': colorRules.find((rule) => rule.selector === ":root[data-theme='dark']"),
  'dark (system)': colorRules.find((rule) => rule.at?.includes('prefers-color-scheme: dark')),
}

const locale = (language: string, namespace: string): unknown =>
  JSON.parse(readFileSync(new URL(`../i18n/locales/${language}/${namespace}.json`, import.meta.url), 'utf8'))

/** `timeline:phase.ready` → the string at `phase.ready` in that language's `timeline.json`, if any. */
function lookUp(language: string, key: string): unknown {
  const [namespace, path] = key.split(':') as [string, string]
  return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], locale(language, namespace))
}

function cssFilesUnder(dir: URL): URL[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? cssFilesUnder(new URL(`${entry.name}/`, dir)) : entry.name.endsWith('.css') ? [new URL(entry.name, dir)] : [])
}

describe('the phase display table', () => {
  it('has an entry for every display phase, and every engine phase shows as one', () => {
    expect(Object.keys(PHASE_DISPLAY).sort()).toEqual([...DISPLAY_PHASES].sort())
    expect(POD_PHASE_NAMES.map((_, code) => DISPLAY_PHASE_OF_CODE[code])).not.toContain(undefined)
  })

  it.each(Object.entries(THEMES))('every phase has a colour in the %s theme', (_, rule) => {
    const defined = new Map(rule?.declarations ?? [])
    expect(DISPLAY_PHASES.filter((phase) => !defined.get(PHASE_DISPLAY[phase].colorVar))).toEqual([])
  })

  it.each(['en', 'ko'])('every phase has words in %s, in the timeline and on the graph', (language) => {
    const missing = DISPLAY_PHASES.flatMap((phase) => [PHASE_DISPLAY[phase].labelKey, PHASE_DISPLAY[phase].shortLabelKey])
      .filter((key) => typeof lookUp(language, key) !== 'string' || (lookUp(language, key) as string).trim() === '')
    expect(missing).toEqual([])
  })

  it('the key lists the phases a lane shows in colour, in the engine\'s order', () => {
    expect(KEYED_PHASES).toEqual(['pending', 'starting', 'not-ready', 'ready', 'prestop', 'draining', 'killed'])
  })

  it('phase colours have one home: no other stylesheet defines them, and every one used is defined', () => {
    const files = cssFilesUnder(new URL('../', import.meta.url))
    const declarations = files.flatMap((file) => readCssRules(file).flatMap((rule) => rule.declarations.map(([property, value]) => ({ file: file.pathname, property, value }))))
    const definedElsewhere = declarations.filter((d) => d.property.startsWith('--phase-') && !d.file.endsWith('/common/phase-colors.css'))
    expect(definedElsewhere).toEqual([])
    const known = new Set(DISPLAY_PHASES.map((phase) => PHASE_DISPLAY[phase].colorVar as string))
    const used = declarations.flatMap((d) => [...d.value.matchAll(/var\((--phase-[a-z-]+)\)/g)].map((m) => m[1]!))
    expect(used.filter((name) => !known.has(name))).toEqual([])
  })
})
