import { describe, expect, it } from 'vitest'
import { analyzeText, dedent } from '../testing/analyze-text'
import { derivePreStopDuration, execSleepSeconds, preStopRunSeconds, scriptSleepSeconds, sleepArgumentsSeconds } from './prestop-duration'

/** The preStop duration the model stage derives for a container whose `lifecycle.preStop` is `hook` (YAML). */
function durationOf(hook: string) {
  const text = dedent`
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: web
    spec:
      selector:
        matchLabels: {app: web}
      template:
        metadata:
          labels: {app: web}
        spec:
          containers:
          - name: web
            image: nginx:1.27
            ports: [{containerPort: 80}]
            lifecycle:
              preStop: ${hook}
  `
  const container = analyzeText(text).model.deployments[0]!.template.containers[0]!
  return container.preStopDuration
}

describe('the preStop duration the model stage derives', () => {
  it.each([
    ['{sleep: {seconds: 10}}', { kind: 'known', seconds: 10, from: 'sleep-action' }],
    ['{exec: {command: ["sleep", "10"]}}', { kind: 'known', seconds: 10, from: 'exec-sleep' }],
    ['{exec: {command: ["/bin/sleep", "10"]}}', { kind: 'known', seconds: 10, from: 'exec-sleep' }],
    ['{exec: {command: ["busybox", "sleep", "10"]}}', { kind: 'known', seconds: 10, from: 'exec-sleep' }],
    ['{exec: {command: ["/bin/sh", "-c", "sleep 10"]}}', { kind: 'known', seconds: 10, from: 'exec-sleep' }],
    ['{exec: {command: ["sh", "-c", "sleep 10 && nginx -s quit"]}}', { kind: 'known', seconds: 10, from: 'exec-sleep' }],
    ['{exec: {command: ["bash", "-c", "echo bye; sleep 5"]}}', { kind: 'known', seconds: 5, from: 'exec-sleep' }],
    ['{exec: {command: ["sleep", "1m", "30s"]}}', { kind: 'known', seconds: 90, from: 'exec-sleep' }],
    ['{exec: {command: ["/app/drain.sh"]}}', { kind: 'unknown', handler: 'exec' }],
    ['{httpGet: {path: /prestop, port: 80}}', { kind: 'unknown', handler: 'httpGet' }],
    ['{tcpSocket: {port: 80}}', { kind: 'known', seconds: 0, from: 'tcpSocket-unsupported' }],
  ])('%s → %j', (hook, expected) => {
    expect(durationOf(hook)).toEqual(expected)
  })

  it('is none without a hook', () => {
    expect(derivePreStopDuration(undefined)).toEqual({ kind: 'none' })
    expect(durationOf('null')).toEqual({ kind: 'none' })
  })

  it('runs an unknown hook for the assumed time, a known one for its own', () => {
    expect(preStopRunSeconds({ kind: 'unknown', handler: 'httpGet' }, 7)).toBe(7)
    expect(preStopRunSeconds({ kind: 'known', seconds: 10, from: 'exec-sleep' }, 7)).toBe(10)
    expect(preStopRunSeconds({ kind: 'none' }, 7)).toBe(0)
  })
})

describe('GNU sleep arguments', () => {
  it.each([
    [['10'], 10],
    [['10s'], 10],
    [['1m'], 60],
    [['0.5m'], 30],
    [['1h'], 3600],
    [['2d'], 172_800],
    [['1m', '30s'], 90],
    [['.5'], 0.5],
    [['0.1', '0.2'], 0.3],
    [['0'], 0],
  ])('%j → %d s', (args, seconds) => {
    expect(sleepArgumentsSeconds(args)).toBe(seconds)
  })

  it.each([[[]], [['-1']], [['10x']], [['infinity']], [['$DELAY']], [['1e3']], [['']]])('%j is not a duration it can read', (args) => {
    expect(sleepArgumentsSeconds(args)).toBeNull()
  })
})

describe('exec commands', () => {
  it.each([
    [['sleep', '10'], 10],
    [['/usr/bin/sleep', '10'], 10],
    [['/bin/busybox', 'sleep', '2', '3'], 5],
    [['/bin/bash', '-c', 'sleep 10'], 10],
    [['ash', '-c', 'sleep 4'], 4],
    [['busybox', 'sh', '-c', 'sleep 4'], 4],
    [['sh', '-c', 'sleep 10', 'argv0'], 10],
  ])('%j → %d s', (command, seconds) => {
    expect(execSleepSeconds(command)).toBe(seconds)
  })

  it.each([[['nginx', '-s', 'quit']], [['sh', 'sleep 10']], [['sh', '-ec', 'sleep 10']], [['sh', '-c']], [['python', '-c', 'sleep 10']], [[]]])('%j is unknown', (command) => {
    expect(execSleepSeconds(command)).toBeNull()
  })
})

describe('shell scripts', () => {
  it.each([
    ['sleep 10', 10],
    ['sleep 10 && nginx -s quit', 10],
    ['echo bye; sleep 5', 5],
    ['sleep 5; sleep 5', 10],
    ['sleep 2 && sleep 3\nsleep 1', 6],
    ['exec sleep 7', 7],
    ['/bin/sleep 3', 3],
    ['busybox sleep 3', 3],
    ['sleep "10"', 10],
    ["sleep '1m'", 60],
    ['sleep 1m 30s', 90],
    ['  sleep 5 ; ', 5],
    ['echo "draining; please wait" >> /proc/1/fd/1 2>&1; sleep 15', 15],
    ['sleep 5 # give the ingress time', 5],
    ['kill -TERM 1', 0],
    ['sleep 5 2>/dev/null', 5],
  ])('%j → %d s', (script, seconds) => {
    expect(scriptSleepSeconds(script)).toBe(seconds)
  })

  it.each([
    'sleep 10 &',
    'sleep 10 & wait',
    'sleep 10 || true',
    'true || sleep 10',
    'sleep 10 | cat',
    'for i in 1 2 3; do sleep 1; done',
    'while true; do sleep 1; done',
    'if [ -f /tmp/x ]; then sleep 5; fi',
    '(sleep 5)',
    '{ sleep 5; }',
    'sleep $DELAY',
    'sleep "$DELAY"',
    'sleep `cat /delay`',
    'sleep $(cat /delay)',
    'sleep 5; /app/drain.sh',
    'sleep',
    'sleep abc',
    "sleep '5",
    'sleep 5 >',
    'sleep 5 >; echo done',
    'cat <<EOF\nx\nEOF',
    'DELAY=5 sleep 5',
  ])('%j is unknown', (script) => {
    expect(scriptSleepSeconds(script)).toBeNull()
  })
})
