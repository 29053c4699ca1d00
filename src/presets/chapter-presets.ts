/**
 * The three scenarios of the chapter the studio grew from, cut out of the seed scenario so they stay exactly
 * as the chapter wrote them (extensions/v1beta1 included: migrating them is a lesson of its own).
 */
import { SEED_MANIFEST } from './seed'
import type { Preset } from './types'

const documents = SEED_MANIFEST.split('\n---\n')

/** The seed's documents at `indexes`, joined back into one manifest. */
function pick(...indexes: number[]): string {
  return indexes.map((i) => documents[i] as string).join('\n---\n').replace(/\n*$/, '\n')
}

// Seed document order: 0 Ingress test · 1 Ingress ingress-ssl · 2 Secret kube-book-secret · 3–4 Services s1, s2 ·
// 5–6 Deployments s1, s2 · 7 Deployment websample · 8 Service websample · 9 Ingress websample-ing.

export const INGRESS_BASICS: Preset = {
  id: 'ingress-basics',
  group: 'chapter',
  manifest: pick(0, 3, 4, 5, 6),
  start: { view: 'graph' },
  steps: [
    { effect: { view: 'graph' } },
    { effect: { view: 'graph', tester: { requests: [{ url: 'http://foo.bar.com/foos1' }] } } },
    { effect: { view: 'graph', tester: { requests: [{ url: 'http://foo.bar.com/foos1/page?id=7' }] } } },
    { effect: { view: 'graph', tester: { requests: [{ url: 'http://bar.foo.com/anything/at/all' }] } } },
    { effect: { view: 'graph', tester: { requests: [{ url: 'http://foo.bar.com/' }] } } },
    { effect: { view: 'nginx' } },
  ],
}

export const TLS: Preset = {
  id: 'tls',
  group: 'chapter',
  manifest: pick(1, 2, 3, 5),
  start: { view: 'objects' },
  steps: [
    { effect: { view: 'objects' } },
    { effect: { view: 'graph', tester: { requests: [{ url: 'http://kube-book.com/' }] } } },
    { effect: { view: 'graph', tester: { requests: [{ url: 'https://kube-book.com/' }] } } },
    { effect: { view: 'graph', tester: { requests: [{ url: 'https://www.kube-book.com/' }] } } },
  ],
}

export const ZERO_DOWNTIME: Preset = {
  id: 'zero-downtime',
  group: 'chapter',
  manifest: pick(7, 8, 9),
  // The chapter's app answers its /prestop hook after a pause; the simulation needs to be told how long.
  start: { view: 'timeline', simulation: { parameters: { preStopHttpSeconds: 5 } } },
  steps: [
    { effect: { view: 'timeline', simulation: { parameters: { preStopHttpSeconds: 5 } } } },
    { effect: { view: 'timeline', simulation: { parameters: { preStopHttpSeconds: 5 } }, timeline: { cursorSeconds: 16 } } },
    { effect: { view: 'timeline', simulation: { parameters: { preStopHttpSeconds: 0 } } } },
    { effect: { view: 'timeline', simulation: { parameters: { preStopHttpSeconds: 0, retries: 2 } } } },
  ],
}
