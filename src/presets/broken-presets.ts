/**
 * The broken variants a class learns from: each differs from the working `websample` rollout in the lines of
 * one mistake, and its guided steps show the failure in the timeline, then the fix.
 */
import type { Preset } from './types'
import { canaryManifest, websampleManifest } from './websample-manifest'

const timeline = { view: 'timeline' } as const

export const NO_READINESS: Preset = {
  id: 'no-readiness',
  group: 'variants',
  manifest: websampleManifest('Broken: no readinessProbe, so new pods get traffic before the app listens', { readiness: false }),
  start: timeline,
  steps: [
    { effect: timeline },
    { effect: { ...timeline, timeline: { cursorSeconds: 7 } } },
    { effect: { ...timeline, simulation: { parameters: { appStartSeconds: 0.5 } } } },
    { effect: { view: 'objects' } },
  ],
}

export const SIGTERM_RACE: Preset = {
  id: 'sigterm-race',
  group: 'variants',
  manifest: websampleManifest('Broken: no preStop hook, so SIGTERM races the ingress dropping the pod', { preStopSeconds: null }),
  start: timeline,
  steps: [
    { effect: timeline },
    { effect: { ...timeline, timeline: { cursorSeconds: 10 } } },
    { effect: { ...timeline, simulation: { parameters: { endpointLagSeconds: 3 } } } },
    { effect: { ...timeline, simulation: { parameters: { retries: 2 } } } },
    { effect: { view: 'objects' } },
  ],
}

/**
 * The hook outlives the grace period: the kubelet cuts it at 30 s, sends SIGTERM with its one-off 2 s and then
 * SIGKILL. An app that needs 5 s to shut down is still running then, so the timeline shows the kill.
 */
const overGraceTimeline = { view: 'timeline', simulation: { parameters: { drainSeconds: 5 } } } as const

export const PRESTOP_OVER_GRACE: Preset = {
  id: 'prestop-over-grace',
  group: 'variants',
  manifest: websampleManifest('Broken: a preStop hook longer than the grace period', { preStopSeconds: 40, graceSeconds: 30 }),
  start: overGraceTimeline,
  steps: [{ effect: { view: 'objects' } }, { effect: overGraceTimeline }, { effect: { view: 'objects' } }],
}

export const MAX_UNAVAILABLE_ALL: Preset = {
  id: 'max-unavailable-100',
  group: 'variants',
  manifest: websampleManifest('Broken: maxUnavailable 100% lets the update stop every pod at once', {
    strategy: '  strategy:\n    type: RollingUpdate\n    rollingUpdate:\n      maxSurge: 0\n      maxUnavailable: 100%\n',
  }),
  start: timeline,
  steps: [{ effect: timeline }, { effect: { ...timeline, timeline: { cursorSeconds: 6 } } }, { effect: { ...timeline, simulation: { parameters: { appStartSeconds: 10 } } } }],
}

export const RECREATE: Preset = {
  id: 'recreate',
  group: 'variants',
  manifest: websampleManifest('Broken for zero downtime: Recreate stops every old pod before starting new ones', {
    strategy: '  strategy:\n    type: Recreate\n',
  }),
  start: timeline,
  steps: [{ effect: timeline }, { effect: { ...timeline, timeline: { cursorSeconds: 6 } } }, { effect: { view: 'objects' } }],
}

export const CANARY_20: Preset = {
  id: 'canary-20',
  group: 'variants',
  manifest: websampleManifest('A canary: 20% of requests go to version 2') + canaryManifest(20),
  start: { view: 'graph' },
  steps: [
    { effect: { view: 'graph' } },
    { effect: { view: 'graph', tester: { requests: [{ url: 'http://websample.example.com/' }] } } },
    { effect: { view: 'graph', tester: { requests: [{ url: 'http://websample.example.com/', headers: { 'X-Canary': 'always' } }] } } },
    { effect: { view: 'graph', tester: { requests: [{ url: 'http://websample.example.com/', headers: { 'X-Canary': 'never' } }] } } },
    { effect: { view: 'timeline', simulation: { deployment: 'default/websample', parameters: {} } } },
  ],
}
