import { describe, expect, it } from 'vitest'
import { BADGE_WORDS, NODE_WIDTH, PROBLEM_LINES } from '../../engine/graph/node-size'
import enGraph from '../i18n/locales/en/graph.json'
import koGraph from '../i18n/locales/ko/graph.json'
import enRoutes from '../i18n/locales/en/routes.json'
import koRoutes from '../i18n/locales/ko/routes.json'
import type { HTTPRouteFilter } from '../../engine'

/** Every filter type of the model (a new type is a type error here until it is listed). */
const FILTER_TYPES: Record<HTTPRouteFilter['type'], true> = {
  RequestHeaderModifier: true, ResponseHeaderModifier: true, RequestRedirect: true, URLRewrite: true, RequestMirror: true, ExtensionRef: true, Unknown: true,
}

// Every kind, badge and problem the engine can put on a card has its words in both languages.
describe.each([['en', enGraph, enRoutes], ['ko', koGraph, koRoutes]] as const)('the %s graph and route table words', (_, graph, routes) => {
  it('name every node kind for assistive technology', () => {
    for (const kind of Object.keys(NODE_WIDTH)) expect(graph.aria, kind).toHaveProperty([kind])
  })

  it('word every badge and every problem', () => {
    for (const kind of Object.keys(BADGE_WORDS)) expect(graph.badge, kind).toHaveProperty([kind])
    for (const code of Object.keys(PROBLEM_LINES)) expect(graph.problem, code).toHaveProperty([code])
  })

  it('word every HTTPRoute filter type in the table\'s notes', () => {
    for (const type of Object.keys(FILTER_TYPES)) {
      expect(routes.gatewayNote.filter, type).toHaveProperty([type])
    }
  })
})
