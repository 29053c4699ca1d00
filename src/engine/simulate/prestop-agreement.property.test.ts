import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { analyzeText } from '../testing/analyze-text'
import { simulateText, webManifest } from '../testing/prestop-rollouts'
import { MIN_DRAIN_SECONDS } from '../checks/rules/grace-shorter-than-prestop'
import { adviseOn } from './rollout-advice'

const UNITS = { '': 1, s: 1, m: 60 } as const

/** A GNU sleep argument and the seconds it means. */
const sleepArgument = fc
  .record({ tenths: fc.integer({ min: 0, max: 400 }), unit: fc.constantFrom<keyof typeof UNITS>('', 's', 'm') })
  .map(({ tenths, unit }) => {
    const scaled = unit === 'm' ? tenths % 20 : tenths
    const text = `${scaled % 10 === 0 ? scaled / 10 : (scaled / 10).toFixed(1)}${unit}`
    return { text, seconds: (scaled / 10) * UNITS[unit] }
  })
const sleepArguments = fc.array(sleepArgument, { minLength: 1, maxLength: 3 })

/** A preStop hook as YAML flow, and the seconds it takes when the manifest tells (null: the app's time). */
const hook = fc.oneof(
  fc.integer({ min: 0, max: 60 }).map((n) => ({ yaml: `{sleep: {seconds: ${n}}}`, seconds: n as number | null })),
  fc.record({ program: fc.constantFrom(['sleep'], ['/bin/sleep'], ['busybox', 'sleep']), args: sleepArguments }).map(({ program, args }) => ({
    yaml: `{exec: {command: ${JSON.stringify([...program, ...args.map((a) => a.text)])}}}`,
    seconds: args.reduce((sum, a) => sum + a.seconds, 0) as number | null,
  })),
  fc
    .record({
      shell: fc.constantFrom('sh', '/bin/sh', 'bash', '/bin/bash', 'ash'),
      steps: fc.array(fc.oneof(sleepArguments.map((args) => ({ text: `sleep ${args.map((a) => a.text).join(' ')}`, seconds: args.reduce((sum, a) => sum + a.seconds, 0) })), fc.constantFrom({ text: 'echo bye', seconds: 0 }, { text: 'nginx -s quit', seconds: 0 })), { minLength: 1, maxLength: 3 }),
      join: fc.constantFrom('; ', ' && ', '\n'),
    })
    .map(({ shell, steps, join }) => ({
      yaml: `{exec: {command: ${JSON.stringify([shell, '-c', steps.map((s) => s.text).join(join)])}}}`,
      seconds: steps.reduce((sum, s) => sum + s.seconds, 0) as number | null,
    })),
  fc.constantFrom(
    { yaml: '{httpGet: {path: /prestop, port: 8080}}', seconds: null },
    { yaml: '{exec: {command: ["/app/drain.sh"]}}', seconds: null },
    { yaml: '{exec: {command: ["sh", "-c", "sleep 5 & wait"]}}', seconds: null },
  ),
)

const roundMs = (seconds: number): number => Math.round(seconds * 1000) / 1000

describe('lint, advice and simulation agree on the preStop hook\'s duration', () => {
  it('for generated hooks, grace periods and assumed times', () => {
    fc.assert(
      fc.property(hook, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 20 }), (h, grace, assumed) => {
        const text = webManifest({ replicas: 1, preStop: h.yaml, grace })
        const duration = analyzeText(text).model.deployments[0]!.template.containers[0]!.preStopDuration
        // The model reads what the hook says.
        if (h.seconds === null) expect(duration.kind).toBe('unknown')
        else expect(duration).toMatchObject({ kind: 'known', seconds: roundMs(h.seconds) })
        const hookSeconds = duration.kind === 'known' ? duration.seconds : assumed

        // The simulation runs it for that long, cut at the grace period.
        const r = simulateText(text, { preStopHttpSeconds: assumed, rps: 5 })
        expect(r.deployment.preStop).toMatchObject({ runSeconds: hookSeconds, assumed: duration.kind === 'unknown' })
        const stop = r.terminations.find((t) => t.reason === 'deleted')!
        expect(stop.sigtermMs - stop.startMs).toBe(Math.round(Math.min(hookSeconds, grace) * 1000))
        expect(stop.hookCut).toBe(hookSeconds > grace)

        // The advice speaks of the same seconds.
        expect(adviseOn('listener-closed', r).remedy).toMatchObject({ currentSeconds: hookSeconds })
        expect(adviseOn('killed-at-grace-end', r).cause).toMatchObject({ preStopSeconds: Math.min(hookSeconds, grace) })

        // The lint fires exactly when the manifest's own seconds leave too little of the grace period.
        const findings = analyzeText(text).of('grace-shorter-than-prestop')
        const known = duration.kind === 'known' && duration.seconds > 0 ? duration.seconds : null
        expect(findings.length).toBe(known !== null && grace - known < MIN_DRAIN_SECONDS ? 1 : 0)
        if (findings[0]) {
          expect(findings[0].message).toContain(`${known} s preStop`)
          expect(findings[0].severity).toBe(grace <= known! ? 'error' : 'warning')
        }
      }),
      { numRuns: 60 },
    )
  })
})
