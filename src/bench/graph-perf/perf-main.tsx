/**
 * The graph benchmark's page (built on its own, never part of the studio's bundle): the studio's real route
 * graph view, fed a route view the benchmark made in Node, with hooks to time the first render.
 */
import { createRoot } from 'react-dom/client'
import { applyRouteView } from '../../state/graph-actions'
import type { RouteViewState } from '../../state/slices/graph-slice'
import { RouteGraphView } from '../../ui/graph/RouteGraphView'
import '../../ui/i18n'
import '../../ui/app/tokens.css'
import '../../ui/app/app.css'

declare global {
  interface Window {
    __graphPerf?: { show(view: RouteViewState): Promise<number> }
  }
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve))

window.__graphPerf = {
  /** Puts the view in the store and resolves with the ms until the frame after the nodes are in the page. */
  async show(view) {
    const started = performance.now()
    applyRouteView(view)
    while (document.querySelectorAll('.react-flow__node').length === 0) await frame()
    await frame()
    return performance.now() - started
  },
}

createRoot(document.getElementById('root')!).render(
  <div style={{ height: '100%' }}>
    <RouteGraphView />
  </div>,
)
