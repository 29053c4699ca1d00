/** Small line icons for the graph's node kinds and badges (inline SVG: no icon font, no request). */
import type { GraphNodeKind } from '../../../engine'

const PATHS: Readonly<Record<string, string>> = {
  controller: 'M3 8h7M7 4.5 10.5 8 7 11.5M12.5 3v10',
  host: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2Zm-6 6h12M8 2c1.8 1.7 2.6 3.7 2.6 6S9.8 12.3 8 14M8 2C6.2 3.7 5.4 5.7 5.4 8s.8 4.3 2.6 6',
  path: 'M6 13.5 10 2.5M2.5 8h2M11.5 8h2',
  service: 'M8 1.8 13.5 5v6L8 14.2 2.5 11V5L8 1.8Zm0 4.2a2 2 0 1 0 0 4 2 2 0 0 0 0-4Z',
  resource: 'M2.5 4.5 8 2l5.5 2.5v7L8 14l-5.5-2.5v-7ZM2.5 4.5 8 7l5.5-2.5M8 7v7',
  workload: 'M2.5 3.5h11v3h-11zM2.5 9.5h11v3h-11z',
  replicaSet: 'M3 3h7v7H3zM6 6h7v7H6',
  defaultBackend: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2ZM3.8 3.8l8.4 8.4',
  gatewayClass: 'M2.5 2.5h11v11h-11zM5 6h6M5 10h6',
  gateway: 'M2.5 14V6L8 2.5 13.5 6v8M6 14V9.5h4V14',
  listener: 'M4.5 2.5v4a3.5 3.5 0 0 0 7 0v-4M8 10v3.5M6.5 2.5v2M9.5 2.5v2',
  httpRoute: 'M2.5 8h4l3-4h4M6.5 8l3 4h4',
  routeRule: 'M2.5 3h11L9.3 8v4.5l-2.6 1.2V8L2.5 3Z',
  lock: 'M4.5 7.5h7v6h-7zM6 7.5V5.2a2 2 0 0 1 4 0v2.3',
  warning: 'M8 2.2 14 13H2L8 2.2ZM8 6.5v3M8 11.3v.2',
}

export function NodeIcon({ name, size = 14 }: { readonly name: GraphNodeKind | 'lock' | 'warning'; readonly size?: number }) {
  return (
    <svg className={`node-icon icon-${name}`} viewBox="0 0 16 16" width={size} height={size} aria-hidden="true">
      <path d={PATHS[name] ?? PATHS.path} fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  )
}
