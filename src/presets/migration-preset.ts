/**
 * Leaving ingress-nginx: the seed scenario as it is (the chapter's Ingresses `test`, `ingress-ssl` and
 * `websample-ing`, with their Services, workloads and Secret), opened in the Migrate to Gateway API view. The
 * studio converts the Ingresses and checks, request by request, where the converted routes answer otherwise;
 * each step tests one request whose answer teaches a difference, or a sameness that takes care to keep
 * (docs/migration.md#studio). No `gateway` in the tester: the seed has no Gateway, so the tester (and the CLI's
 * `route`) answers through ingress-nginx, and the view puts the converted route's answer beside it.
 */
import { SEED_MANIFEST } from './seed'
import type { Preset, PresetStep } from './types'

/** A step that tests `url` in the migration view and shows it in the Parity tab (selected when it differs). */
const test = (url: string): PresetStep => ({ effect: { view: 'migration', tester: { requests: [{ url }] } }, migration: { section: 'parity', request: url } })

/**
 * The requests the steps test, in order (the preset's test checks what the text says of each). The differing ones
 * are requests the parity check generates, so each is a row of the view's Parity tab; the others are not rows, and
 * the text says why.
 */
export const MIGRATION_STEP_URLS = {
  /** rewrite-target `/` replaces the whole path: the app gets `/` on both sides, which takes ReplaceFullPath. */
  fullPath: 'http://foo.bar.com/foos1/abc',
  /** The generated sibling of /foos1: ingress-nginx's regex location takes it, PathPrefix does not. */
  siblingPrefix: 'http://foo.bar.com/foos1parity',
  /** Another case: the regex location is case-insensitive, PathPrefix is not. */
  otherCase: 'http://foo.bar.com/FOOS1',
  /** The https redirect of a path with a trailing slash: a difference the generated requests do not hold. */
  redirectSlash: 'http://kube-book.com/docs/',
  /** HTTPS to the host that has a certificate: the same answer on both sides. */
  https: 'https://kube-book.com/',
} as const

export const MIGRATE_GATEWAY_API: Preset = {
  id: 'migrate-gateway-api',
  group: 'chapter',
  manifest: SEED_MANIFEST,
  start: { view: 'migration' },
  steps: [
    { effect: { view: 'migration' }, migration: { section: 'conversion' } },
    test(MIGRATION_STEP_URLS.fullPath),
    test(MIGRATION_STEP_URLS.siblingPrefix),
    test(MIGRATION_STEP_URLS.otherCase),
    test(MIGRATION_STEP_URLS.redirectSlash),
    test(MIGRATION_STEP_URLS.https),
    { effect: { view: 'migration' }, migration: { section: 'parity', request: null } },
  ],
}
