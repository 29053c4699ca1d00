/**
 * The page's side of the engine worker.
 *
 * - Monotonic request ids; per request type only the latest request counts (latest-wins): an older caller is
 *   answered `stale` as soon as a newer request of the same type is made, and while one request of a type is
 *   in flight, newer ones wait in a one-slot queue, so fast typing never piles work up in the worker.
 * - A request's clock starts when the worker starts on it (the worker answers in order: a request posted behind
 *   another starts timing when that one is answered), so a long analysis never times out the route view behind it.
 * - A request that takes longer than `timeoutMs` fails with `timeout`, and the worker is replaced; the other
 *   requests that were in it are sent to the new one. A timeout never counts towards the in-thread fallback: it
 *   means the request was heavy, and the same request in this thread would freeze the page instead.
 * - A worker that crashes is replaced; after `maxRestarts` crashes in a row, or when no worker can be created at
 *   all, the client runs the same engine code in this thread (loaded lazily, so it stays out of the initial JS).
 * - A worker that ends without an error (`self.close()`, terminated, reclaimed) is noticed at once through its
 *   life lock (`worker-liveness.ts`), counts as a crash, and its requests are sent again to a new worker, once:
 *   the engine is pure, so the answer is the same; a request whose second worker ends too fails `worker-crashed`.
 * - An analyze or route-view request names the answer of its type the page last read (`base`); the worker may
 *   answer what changed since (`analyzed-delta`, `route-viewed-delta`), and callers get the whole answer rebuilt
 *   (`analysis-delta.ts`, `route-view-delta.ts`).
 */
import {
  PROTOCOL_VERSION,
  type AnalyzedDeltaResponse,
  type RouteViewedDeltaResponse,
  type AnalyzeRequest,
  type MigrationRequest,
  type MigrationTraceRequest,
  type MigrateRequest,
  type QuickFixesRequest,
  type EngineCommand,
  type EngineFailure,
  type EngineFailureCode,
  type EngineRequest,
  type EngineResponse,
  type ProgressMessage,
  type ReportRequest,
  type ResultOf,
  type SimulateRequest,
  type RouteRequestMessage,
  type RouteViewRequest,
  type ShareEncodeRequest,
} from './protocol'
import { decodeAnalysisDelta, type HeldAnalysis } from './analysis-delta'
import { decodeRouteViewDelta, type HeldRouteView } from './route-view-delta'
import { runEngineInThread, startEngineWorker, type WorkerLike } from './engine-worker-start'

export { watchWorker, type WorkerLike } from './engine-worker-start'

/** How a request ended, from the caller's point of view. */
export type EngineOutcome<T> =
  | { readonly kind: 'ok'; readonly value: T }
  /** A newer request of the same type was made; this answer would be out of date. */
  | { readonly kind: 'stale' }
  | { readonly kind: 'failed'; readonly error: EngineFailure }

export type EngineMode = 'worker' | 'in-thread'

export interface EngineClientOptions {
  /** Starts a worker; throwing means workers are unavailable. Default: the Vite module worker. */
  readonly createWorker?: () => WorkerLike
  /** Runs a request without a worker. Default: the engine imported lazily into this thread. */
  readonly runInThread?: (request: EngineRequest) => Promise<EngineResponse>
  /** Longest time a worker may take for one request. Default: 15,000 ms. */
  readonly timeoutMs?: number
  /** Consecutive worker crashes tolerated before running in-thread. Default: 3. */
  readonly maxRestarts?: number
  /** Called when the client switches from the worker to in-thread running. */
  readonly onModeChange?: (mode: EngineMode, reason: string) => void
  /**
   * Answers are handed over only once this settles: the page's words for the engine's messages load beside the
   * worker rather than before the first paint (src/ui/i18n), and no view may show a message before its words.
   */
  readonly answersAfter?: Promise<unknown>
}

type RequestBody<C extends EngineCommand> = Omit<Extract<EngineRequest, { type: C }>, 'v' | 'id'>

interface Waiter {
  readonly id: number
  readonly resolve: (outcome: EngineOutcome<EngineResponse>) => void
}

interface InFlight {
  readonly id: number
  /** Replaced when the deadline is extended after the page itself was blocked (see `startTimer`). */
  timer: ReturnType<typeof setTimeout> | undefined
  /** Kept so that the other requests of a replaced worker can be sent again. */
  readonly request: EngineRequest
  /** How many workers ended under this request without an error. */
  readonly exits: number
}

/** How late a timeout may fire before the page counts itself, not the worker, as the one that was blocked. */
const STALL_GRACE_MS = 1000

/** Talks to the engine worker; see the module comment for the guarantees. */
export class EngineClient {
  private readonly createWorker: () => WorkerLike
  private readonly runInThread: (request: EngineRequest) => Promise<EngineResponse>
  private readonly timeoutMs: number
  private readonly maxRestarts: number
  private readonly onModeChange: EngineClientOptions['onModeChange']
  private readonly answersAfter: Promise<unknown> | undefined

  private worker: WorkerLike | undefined
  private currentMode: EngineMode = 'worker'
  private crashesInARow = 0
  private nextId = 1
  private disposed = false
  private readonly waiters = new Map<EngineCommand, Waiter>()
  private readonly inFlight = new Map<EngineCommand, InFlight>()
  private readonly queued = new Map<EngineCommand, EngineRequest>()
  private readonly progressListeners = new Map<number, (stage: ProgressMessage['stage']) => void>()
  /** The latest analysis read from an engine, by the id of its request: what an `analyzed-delta` is told against. */
  private heldAnalysis: HeldAnalysis | null = null
  /** Likewise the latest route view: what a `route-viewed-delta` is told against. */
  private heldRouteView: HeldRouteView | null = null

  constructor(options: EngineClientOptions = {}) {
    this.createWorker = options.createWorker ?? startEngineWorker
    this.runInThread = options.runInThread ?? runEngineInThread
    this.timeoutMs = options.timeoutMs ?? 15_000
    this.maxRestarts = options.maxRestarts ?? 3
    this.onModeChange = options.onModeChange
    this.answersAfter = options.answersAfter
  }

  /** Where requests run now. */
  get mode(): EngineMode {
    return this.currentMode
  }

  /** Analyzes the files; resolves `stale` if another analyze request is made before this one is answered. */
  analyze(files: AnalyzeRequest['files'], options?: AnalyzeRequest['options']): Promise<EngineOutcome<ResultOf['analyze']>> {
    return this.request('analyze', { type: 'analyze', files, options }) as Promise<EngineOutcome<ResultOf['analyze']>>
  }

  /** The quick fixes at a diagnostic; resolves `stale` if another quick-fix request is made first. */
  quickFixes(files: QuickFixesRequest['files'], options: QuickFixesRequest['options'], target: QuickFixesRequest['target']): Promise<EngineOutcome<ResultOf['quick-fixes']>> {
    return this.request('quick-fixes', { type: 'quick-fixes', files, options, target }) as Promise<EngineOutcome<ResultOf['quick-fixes']>>
  }

  /** The files converted to current API versions. */
  migrate(files: MigrateRequest['files']): Promise<EngineOutcome<ResultOf['migrate']>> {
    return this.request('migrate', { type: 'migrate', files }) as Promise<EngineOutcome<ResultOf['migrate']>>
  }

  /** Makes a share link and scenario file; resolves `stale` if another is requested first (the dialog changed). */
  encodeShare(payload: ShareEncodeRequest['payload'], includeSecrets: boolean): Promise<EngineOutcome<ResultOf['share-encode']>> {
    return this.request('share-encode', { type: 'share-encode', payload, includeSecrets }) as Promise<EngineOutcome<ResultOf['share-encode']>>
  }

  /** Reads a share link's fragment. */
  decodeShare(fragment: string): Promise<EngineOutcome<ResultOf['share-decode']>> {
    return this.request('share-decode', { type: 'share-decode', fragment }) as Promise<EngineOutcome<ResultOf['share-decode']>>
  }

  /** Reads an imported scenario or YAML file. */
  readScenarioFile(text: string): Promise<EngineOutcome<ResultOf['scenario-read']>> {
    return this.request('scenario-read', { type: 'scenario-read', text }) as Promise<EngineOutcome<ResultOf['scenario-read']>>
  }

  /** The route graph (laid out), route table, nginx.conf and examples; `stale` if another is requested first. */
  routeView(files: RouteViewRequest['files'], options?: RouteViewRequest['options'], view?: RouteViewRequest['view']): Promise<EngineOutcome<ResultOf['route-view']>> {
    return this.request('route-view', { type: 'route-view', files, options, view }) as Promise<EngineOutcome<ResultOf['route-view']>>
  }

  /**
   * Routes one request (the URL tester); `stale` if another test is sent first. `through`: the router and the
   * method for a Gateway (absent: the input's default router).
   */
  route(
    files: RouteRequestMessage['files'],
    request: RouteRequestMessage['request'],
    view?: RouteRequestMessage['view'],
    options?: RouteRequestMessage['options'],
    through?: Pick<RouteRequestMessage, 'router' | 'method'>,
  ): Promise<EngineOutcome<ResultOf['route']>> {
    return this.request('route', { type: 'route', files, request, view, options, ...through }) as Promise<EngineOutcome<ResultOf['route']>>
  }

  /**
   * Simulates a rollout of `body.deployment` in `body.model`; `onStage` hears each stage as the worker starts it.
   * Latest wins like every type; `cancel('simulate')` stops one that runs too long.
   */
  simulate(body: Omit<SimulateRequest, 'v' | 'id' | 'type'>, onStage?: (stage: ProgressMessage['stage']) => void): Promise<EngineOutcome<ResultOf['simulate']>> {
    return this.request('simulate', { type: 'simulate', ...body }, onStage) as Promise<EngineOutcome<ResultOf['simulate']>>
  }

  /** vegeta's report of a run up to a cursor; `stale` when the cursor moved on before the answer. */
  report(input: ReportRequest['input']): Promise<EngineOutcome<ResultOf['report']>> {
    return this.request('report', { type: 'report', input }) as Promise<EngineOutcome<ResultOf['report']>>
  }

  /** Converts the files' Ingresses to Gateway API, checks parity and lays out the graph of both; latest wins. */
  migration(files: MigrationRequest['files'], options: MigrationRequest['options'], conversion: MigrationRequest['conversion']): Promise<EngineOutcome<ResultOf['migration']>> {
    return this.request('migration', { type: 'migration', files, options, conversion }) as Promise<EngineOutcome<ResultOf['migration']>>
  }

  /** The two routes of one parity difference in the migration's graph; latest wins. */
  migrationTrace(body: Omit<MigrationTraceRequest, 'v' | 'id' | 'type'>): Promise<EngineOutcome<ResultOf['migration-trace']>> {
    return this.request('migration-trace', { type: 'migration-trace', ...body }) as Promise<EngineOutcome<ResultOf['migration-trace']>>
  }

  /**
   * Gives up the request of `type` that is queued or running; its caller gets `stale`. A running one cannot be
   * interrupted inside the engine (it is one synchronous call), so its worker is replaced and the other requests
   * that were in it are sent to the new one. In-thread, the answer is only dropped. Returns whether one ran.
   */
  cancel(type: EngineCommand): boolean {
    this.queued.delete(type)
    const flight = this.inFlight.get(type)
    const waiter = this.waiters.get(type)
    if (waiter && waiter.id !== flight?.id) this.settle(type, waiter.id, { kind: 'stale' })
    if (!flight) return false
    this.settle(type, flight.id, { kind: 'stale' })
    if (this.currentMode !== 'worker' || !this.worker) {
      this.inFlight.delete(type)
      return true
    }
    this.replaceWorker(type)
    return true
  }

  /** Stops the worker and answers every open request `stale`. */
  dispose(): void {
    this.disposed = true
    for (const waiter of this.waiters.values()) waiter.resolve({ kind: 'stale' })
    this.waiters.clear()
    this.queued.clear()
    for (const flight of this.inFlight.values()) clearTimeout(flight.timer)
    this.inFlight.clear()
    this.worker?.terminate()
    this.worker = undefined
  }

  private request<C extends EngineCommand>(type: C, body: RequestBody<C>, onProgress?: (stage: ProgressMessage['stage']) => void): Promise<EngineOutcome<EngineResponse>> {
    if (this.disposed) return Promise.resolve({ kind: 'stale' })
    const id = this.nextId++
    if (onProgress) this.progressListeners.set(id, onProgress)
    const request = { ...body, v: PROTOCOL_VERSION, id } as unknown as EngineRequest
    const answered = new Promise<EngineOutcome<EngineResponse>>((resolve) => {
      this.waiters.get(type)?.resolve({ kind: 'stale' })
      this.waiters.set(type, { id, resolve })
      if (this.inFlight.has(type)) this.queued.set(type, request)
      else this.dispatch(request)
    })
    const after = this.answersAfter
    if (after === undefined) return answered
    const release = (): Promise<unknown> => after.then(() => undefined, () => undefined)
    return answered.then((outcome) => release().then(() => outcome))
  }

  private dispatch(request: EngineRequest, exits = 0): void {
    if (this.currentMode === 'worker') {
      const worker = this.ensureWorker()
      if (worker) {
        // The worker answers in order: a request behind another starts its clock when that one is answered
        // (`startNextTimer`), so a long analysis does not time out the route view waiting behind it.
        const waiting = this.inFlight.size > 0
        const timer = waiting ? undefined : this.startTimer(request.type, request.id, this.timeoutMs)
        this.inFlight.set(request.type, { id: request.id, timer, request, exits })
        // An analysis or a route view may come back as what changed since the one held (analysis-delta.ts,
        // route-view-delta.ts): cloning them whole was most of what an edit in a big file cost past the engine.
        worker.postMessage(this.withBase(request))
        return
      }
    }
    this.inFlight.set(request.type, { id: request.id, timer: undefined, request, exits })
    this.runInThread(request).then(
      (response) => this.receive(response),
      (error: unknown) => this.receive(failure(request.id, 'engine-exception', String(error))),
    )
  }

  private ensureWorker(): WorkerLike | undefined {
    if (this.worker) return this.worker
    try {
      const worker = this.createWorker()
      worker.onmessage = (event) => {
        if (worker === this.worker) this.receive(event.data)
      }
      worker.onerror = (event) => {
        event.preventDefault?.()
        if (worker === this.worker) this.loseWorker('worker-crashed', 'The engine worker stopped unexpectedly.')
      }
      worker.onexit = () => {
        if (worker === this.worker) this.workerExited()
      }
      this.worker = worker
      return worker
    } catch (error) {
      this.switchToInThread(`A worker could not start (${String(error)}).`)
      return undefined
    }
  }

  private receive(response: EngineResponse): void {
    if (this.disposed) return
    if (response?.type === 'progress') {
      this.progressListeners.get(response.id)?.(response.stage)
      return
    }
    const type = [...this.inFlight].find(([, flight]) => flight.id === response?.id)?.[0]
    if (type === undefined) return // an answer to a request already given up on
    clearTimeout(this.inFlight.get(type)?.timer)
    this.inFlight.delete(type)
    this.startNextTimer()
    if (response.v !== PROTOCOL_VERSION) {
      response = failure(response.id, 'protocol-mismatch', `The worker speaks protocol ${String(response.v)}.`)
    }
    if (response.type === 'analyzed-delta') response = this.rebuildAnalysis(response)
    if (response.type === 'route-viewed-delta') response = this.rebuildRouteView(response)
    if (response.type === 'analyzed') this.heldAnalysis = { id: response.id, analysis: response.analysis }
    if (response.type === 'route-viewed') this.heldRouteView = { id: response.id, response }
    if (response.type !== 'failed') this.crashesInARow = 0
    this.settle(type, response.id, response.type === 'failed' ? { kind: 'failed', error: response.error } : { kind: 'ok', value: response })
    this.sendQueued(type)
  }

  /** The whole analysis of an `analyzed-delta`, rebuilt on the one held (the worker only tells against that one). */
  private rebuildAnalysis(response: AnalyzedDeltaResponse): EngineResponse {
    const analysis = decodeAnalysisDelta(this.heldAnalysis, response.delta)
    if (analysis === null) return failure(response.id, 'protocol-mismatch', `The worker sent changes to analysis ${response.delta.base}, which the page does not hold.`)
    return { v: PROTOCOL_VERSION, type: 'analyzed', id: response.id, analysis, millis: response.millis }
  }

  /** The whole route view of a `route-viewed-delta`, rebuilt on the one held. */
  private rebuildRouteView(response: RouteViewedDeltaResponse): EngineResponse {
    const rebuilt = decodeRouteViewDelta(this.heldRouteView, response.delta)
    return rebuilt ?? failure(response.id, 'protocol-mismatch', `The worker sent changes to route view ${response.delta.base}, which the page does not hold.`)
  }

  /** `request` naming what the page holds of its type, so the worker may answer with what changed since. */
  private withBase(request: EngineRequest): EngineRequest {
    if (request.type === 'analyze' && this.heldAnalysis) return { ...request, base: this.heldAnalysis.id }
    if (request.type === 'route-view' && this.heldRouteView) return { ...request, base: this.heldRouteView.id }
    return request
  }

  /**
   * Times the request out after `delayMs`. A page that was itself blocked past the deadline (say, the editor
   * taking a 10 MB text) runs this timer late, possibly before the answer already waiting in its queue: then
   * it listens `STALL_GRACE_MS` more instead of blaming the worker for the page's own pause.
   */
  private startTimer(type: EngineCommand, id: number, delayMs: number): ReturnType<typeof setTimeout> {
    const due = Date.now() + delayMs
    return setTimeout(() => {
      const flight = this.inFlight.get(type)
      if (flight?.id !== id) return
      if (Date.now() - due > STALL_GRACE_MS) flight.timer = this.startTimer(type, id, STALL_GRACE_MS)
      else this.timeOut(type)
    }, delayMs)
  }

  /** Starts the clock of the oldest request in the worker that has none yet (it is the one the worker runs next). */
  private startNextTimer(): void {
    if (this.currentMode !== 'worker' || !this.worker) return
    const next = [...this.inFlight].filter(([, flight]) => flight.timer === undefined).sort(([, a], [, b]) => a.id - b.id)[0]
    if (next) next[1].timer = this.startTimer(next[0], next[1].id, this.timeoutMs)
  }

  /** The request of `type` took too long: it fails, and its worker is replaced (see the module comment). */
  private timeOut(type: EngineCommand): void {
    const flight = this.inFlight.get(type)
    if (!flight) return
    this.settle(type, flight.id, { kind: 'failed', error: { code: 'timeout', message: `The engine took longer than ${this.timeoutMs} ms.` } })
    this.replaceWorker(type)
  }

  /** Ends the worker for the request of `type`; the other requests in it go to a new worker, as do queued ones. */
  private replaceWorker(type: EngineCommand): void {
    this.worker?.terminate()
    this.worker = undefined
    const others = [...this.inFlight].filter(([other]) => other !== type)
    for (const [, flight] of this.inFlight) clearTimeout(flight.timer)
    this.inFlight.clear()
    for (const [, other] of others) this.dispatch(other.request, other.exits)
    this.sendQueued(type)
  }

  /**
   * The worker ended without an error: its requests go to a new worker once (one that was superseded meanwhile
   * gives way to the newer request); a request under which a second worker ends fails.
   */
  private workerExited(): void {
    this.worker?.terminate()
    this.worker = undefined
    const lost = [...this.inFlight]
    this.inFlight.clear()
    this.crashesInARow++
    if (this.crashesInARow > this.maxRestarts) this.switchToInThread(`The worker failed ${this.crashesInARow} times in a row.`)
    for (const [type, flight] of lost) {
      clearTimeout(flight.timer)
      if (this.waiters.get(type)?.id !== flight.id) {
        this.sendQueued(type)
      } else if (flight.exits > 0) {
        this.settle(type, flight.id, { kind: 'failed', error: { code: 'worker-crashed', message: 'The engine worker ended twice while working on this request.' } })
        this.sendQueued(type)
      } else {
        this.dispatch(flight.request, flight.exits + 1)
      }
    }
  }

  /** The worker crashed: every request in it fails, and queued ones go to a fresh worker. */
  private loseWorker(code: EngineFailureCode, message: string): void {
    this.worker?.terminate()
    this.worker = undefined
    const lost = [...this.inFlight]
    this.inFlight.clear()
    for (const [type, flight] of lost) {
      clearTimeout(flight.timer)
      this.settle(type, flight.id, { kind: 'failed', error: { code, message } })
    }
    // Only crashes say the worker itself is broken; a timeout says the request was heavy (see the module comment).
    if (code !== 'timeout') this.crashesInARow++
    if (this.crashesInARow > this.maxRestarts) this.switchToInThread(`The worker failed ${this.crashesInARow} times in a row.`)
    for (const [type] of lost) this.sendQueued(type)
  }

  private settle(type: EngineCommand, id: number, outcome: EngineOutcome<EngineResponse>): void {
    this.progressListeners.delete(id)
    const waiter = this.waiters.get(type)
    if (waiter?.id !== id) return
    this.waiters.delete(type)
    waiter.resolve(outcome)
  }

  private sendQueued(type: EngineCommand): void {
    const next = this.queued.get(type)
    if (!next) return
    this.queued.delete(type)
    this.dispatch(next)
  }

  private switchToInThread(reason: string): void {
    if (this.currentMode === 'in-thread') return
    this.currentMode = 'in-thread'
    console.warn(`Ingress Studio: running the engine in the page. ${reason}`)
    this.onModeChange?.('in-thread', reason)
  }
}

function failure(id: number, code: EngineFailureCode, message: string): EngineResponse {
  return { v: PROTOCOL_VERSION, type: 'failed', id, error: { code, message } }
}
