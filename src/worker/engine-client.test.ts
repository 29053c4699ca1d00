import { afterEach, describe, expect, it, vi } from 'vitest'
import { EngineClient, watchWorker, type WorkerLike } from './engine-client'
import { PROTOCOL_VERSION, type EngineRequest, type EngineResponse } from './protocol'
import { announceLife } from './worker-liveness'
import { analyze, type Analysis } from '../engine'
import { SEED_MANIFEST } from '../presets/seed'
import { answerEngineRequest, handleEngineRequest } from './handle-request'

/** A worker whose answers the test releases by hand. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null
  onerror: WorkerLike['onerror'] = null
  onexit: WorkerLike['onexit'] = null
  readonly received: EngineRequest[] = []
  terminated = false

  postMessage(message: EngineRequest): void {
    this.received.push(message)
  }
  terminate(): void {
    this.terminated = true
  }
  answer(request: EngineRequest, overrides: Partial<EngineResponse> = {}): void {
    this.onmessage?.({ data: analyzed(request.id, filesOf(request)[0]?.text ?? '', overrides) } as MessageEvent<EngineResponse>)
  }
  crash(): void {
    this.onerror?.(new Event('error'))
  }
  /** Ends without an error, as `self.close()` or a killed worker does: only the life lock tells. */
  exit(): void {
    this.onexit?.()
  }
  progress(request: EngineRequest, stage: string): void {
    this.onmessage?.({ data: { v: PROTOCOL_VERSION, type: 'progress', id: request.id, stage } } as MessageEvent<EngineResponse>)
  }
}

function analyzed(id: number, text: string, overrides: Partial<EngineResponse> = {}): EngineResponse {
  // The client never looks inside the analysis; the text stands in for it so tests can tell answers apart.
  const analysis = { model: text, diagnostics: [], documents: [] } as unknown as Analysis
  return { v: PROTOCOL_VERSION, type: 'analyzed', id, analysis, millis: 1, ...overrides } as EngineResponse
}

const file = (text: string) => [{ name: 'manifest.yaml', text }]
/** The files of an analyze request (other request types carry none). */
const filesOf = (request: EngineRequest) => ('files' in request ? request.files : [])

function setup(options: { timeoutMs?: number; maxRestarts?: number; failToStart?: boolean } = {}) {
  const workers: FakeWorker[] = []
  const inThread: EngineRequest[] = []
  const modes: string[] = []
  const client = new EngineClient({
    createWorker: () => {
      if (options.failToStart) throw new Error('no workers here')
      const worker = new FakeWorker()
      workers.push(worker)
      return worker
    },
    runInThread: async (request) => {
      inThread.push(request)
      return analyzed(request.id, filesOf(request)[0]?.text ?? '')
    },
    timeoutMs: options.timeoutMs ?? 1000,
    maxRestarts: options.maxRestarts ?? 2,
    onModeChange: (mode) => modes.push(mode),
  })
  return { client, workers, inThread, modes }
}

const textOf = (outcome: Awaited<ReturnType<EngineClient['analyze']>>) =>
  outcome.kind === 'ok' ? (outcome.value.analysis.model as unknown as string) : outcome.kind

describe('EngineClient', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('sends versioned requests with increasing ids and resolves with the answer', async () => {
    const { client, workers } = setup()
    const first = client.analyze(file('a'))
    const worker = workers[0]!
    expect(worker.received).toHaveLength(1)
    expect(worker.received[0]).toMatchObject({ v: PROTOCOL_VERSION, type: 'analyze', id: 1, files: file('a') })
    worker.answer(worker.received[0]!)
    expect(textOf(await first)).toBe('a')
    const second = client.analyze(file('b'))
    expect(worker.received[1]!.id).toBeGreaterThan(worker.received[0]!.id)
    worker.answer(worker.received[1]!)
    expect(textOf(await second)).toBe('b')
  })

  it('answers an older request stale once a newer one is made, and drops its late answer', async () => {
    const { client, workers } = setup()
    const first = client.analyze(file('old'))
    const second = client.analyze(file('new'))
    expect(await first).toEqual({ kind: 'stale' })
    const worker = workers[0]!
    // Only one request of a type is in flight; the newer one waits for the worker to be free.
    expect(worker.received.map((r) => filesOf(r)[0]!.text)).toEqual(['old'])
    worker.answer(worker.received[0]!)
    expect(worker.received.map((r) => filesOf(r)[0]!.text)).toEqual(['old', 'new'])
    worker.answer(worker.received[1]!)
    expect(textOf(await second)).toBe('new')
  })

  it('keeps only the newest of many queued requests', async () => {
    const { client, workers } = setup()
    const outcomes = ['1', '2', '3', '4'].map((text) => client.analyze(file(text)))
    const worker = workers[0]!
    worker.answer(worker.received[0]!)
    expect(worker.received.map((r) => filesOf(r)[0]!.text)).toEqual(['1', '4'])
    worker.answer(worker.received[1]!)
    expect(await Promise.all(outcomes.map((o) => o.then(textOf)))).toEqual(['stale', 'stale', 'stale', '4'])
  })

  it('ignores answers with unknown ids', async () => {
    const { client, workers } = setup()
    const pending = client.analyze(file('x'))
    const worker = workers[0]!
    worker.onmessage?.({ data: analyzed(999, 'intruder') } as MessageEvent<EngineResponse>)
    worker.answer(worker.received[0]!)
    expect(textOf(await pending)).toBe('x')
  })

  it('reports an answer from another protocol version as a failure', async () => {
    const { client, workers } = setup()
    const pending = client.analyze(file('x'))
    const worker = workers[0]!
    worker.answer(worker.received[0]!, { v: 99 } as unknown as Partial<EngineResponse>)
    expect(await pending).toMatchObject({ kind: 'failed', error: { code: 'protocol-mismatch' } })
  })

  it('fails a request that times out and replaces the worker', async () => {
    vi.useFakeTimers()
    const { client, workers } = setup({ timeoutMs: 500 })
    const pending = client.analyze(file('slow'))
    vi.advanceTimersByTime(501)
    expect(await pending).toMatchObject({ kind: 'failed', error: { code: 'timeout' } })
    expect(workers[0]!.terminated).toBe(true)
    const next = client.analyze(file('next'))
    expect(workers).toHaveLength(2)
    workers[1]!.answer(workers[1]!.received[0]!)
    expect(textOf(await next)).toBe('next')
  })

  it('starts the clock of a request waiting behind another in the worker only when that one is answered', async () => {
    vi.useFakeTimers()
    const { client, workers } = setup({ timeoutMs: 500 })
    const analysis = client.analyze(file('large'))
    const view = client.routeView(file('large'))
    // The analysis takes 400 ms, the route view 400 ms after it: 800 ms in all, but neither took 500 alone.
    vi.advanceTimersByTime(400)
    workers[0]!.answer(workers[0]!.received[0]!)
    vi.advanceTimersByTime(400)
    const request = workers[0]!.received[1]!
    workers[0]!.onmessage?.({ data: { ...analyzed(request.id, 'large'), type: 'route-viewed' } } as unknown as MessageEvent<EngineResponse>)
    expect(textOf(await analysis)).toBe('large')
    expect((await view).kind).toBe('ok')
    expect(workers).toHaveLength(1)
    // Its own clock still runs out.
    const slow = client.routeView(file('slow'))
    vi.advanceTimersByTime(501)
    expect(await slow).toMatchObject({ kind: 'failed', error: { code: 'timeout' } })
  })

  it('does not blame the worker for a pause of the page itself: a late timer listens a moment longer', async () => {
    vi.useFakeTimers()
    const { client, workers } = setup({ timeoutMs: 500 })
    const pending = client.analyze(file('answered during the pause'))
    // The page was blocked for 20 s: the clock moved on, the timer could not run.
    vi.setSystemTime(Date.now() + 20_000)
    vi.advanceTimersByTime(500)
    expect(workers[0]!.terminated).toBe(false)
    workers[0]!.answer(workers[0]!.received[0]!)
    expect(textOf(await pending)).toBe('answered during the pause')
    expect(vi.getTimerCount()).toBe(0)
  })

  it('still times out after that moment when no answer was waiting', async () => {
    vi.useFakeTimers()
    const { client, workers } = setup({ timeoutMs: 500 })
    const pending = client.analyze(file('slow'))
    vi.setSystemTime(Date.now() + 20_000)
    vi.advanceTimersByTime(500)
    vi.advanceTimersByTime(1000)
    expect(await pending).toMatchObject({ kind: 'failed', error: { code: 'timeout' } })
    expect(workers[0]!.terminated).toBe(true)
  })

  it('never falls back to the page because of timeouts: each one restarts the worker', async () => {
    vi.useFakeTimers()
    const { client, workers, inThread, modes } = setup({ timeoutMs: 500, maxRestarts: 2 })
    for (let i = 0; i < 6; i++) {
      const pending = client.analyze(file(`heavy ${i}`))
      vi.advanceTimersByTime(501)
      expect(await pending).toMatchObject({ kind: 'failed', error: { code: 'timeout' } })
    }
    expect(client.mode).toBe('worker')
    expect(modes).toEqual([])
    expect(inThread).toHaveLength(0)
    expect(workers).toHaveLength(6)
    expect(workers.every((worker) => worker.terminated)).toBe(true)
  })

  it('survives a crash: the request fails, the queued one goes to a new worker', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { client, workers } = setup()
    const crashing = client.analyze(file('boom'))
    const queued = client.analyze(file('after'))
    workers[0]!.crash()
    expect(await crashing).toEqual({ kind: 'stale' })
    expect(workers).toHaveLength(2)
    expect(workers[1]!.received.map((r) => filesOf(r)[0]!.text)).toEqual(['after'])
    workers[1]!.answer(workers[1]!.received[0]!)
    expect(textOf(await queued)).toBe('after')
    expect(client.mode).toBe('worker')
  })

  it('reports the crash to the caller whose request was running', async () => {
    const { client, workers } = setup()
    const crashing = client.analyze(file('boom'))
    workers[0]!.crash()
    expect(await crashing).toMatchObject({ kind: 'failed', error: { code: 'worker-crashed' } })
  })

  it('runs in-thread after more crashes in a row than allowed', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { client, workers, inThread, modes } = setup({ maxRestarts: 2 })
    for (let i = 0; i < 3; i++) {
      const pending = client.analyze(file(`crash ${i}`))
      workers[i]!.crash()
      expect((await pending).kind).toBe('failed')
    }
    expect(client.mode).toBe('in-thread')
    expect(modes).toEqual(['in-thread'])
    expect(textOf(await client.analyze(file('fallback')))).toBe('fallback')
    expect(inThread).toHaveLength(1)
    expect(workers).toHaveLength(3)
  })

  it('a successful answer resets the crash count', async () => {
    const { client, workers } = setup({ maxRestarts: 1 })
    const a = client.analyze(file('a'))
    workers[0]!.crash()
    await a
    const b = client.analyze(file('b'))
    workers[1]!.answer(workers[1]!.received[0]!)
    await b
    const c = client.analyze(file('c'))
    workers[1]!.crash()
    await c
    expect(client.mode).toBe('worker')
  })

  it('runs in-thread when no worker can start', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { client, inThread, modes } = setup({ failToStart: true })
    expect(textOf(await client.analyze(file('here')))).toBe('here')
    expect(client.mode).toBe('in-thread')
    expect(modes).toEqual(['in-thread'])
    expect(inThread[0]).toMatchObject({ v: PROTOCOL_VERSION, type: 'analyze' })
  })

  it('answers open requests stale on dispose and terminates the worker', async () => {
    const { client, workers } = setup()
    const pending = client.analyze(file('x'))
    client.dispose()
    expect(await pending).toEqual({ kind: 'stale' })
    expect(workers[0]!.terminated).toBe(true)
    expect(await client.analyze(file('y'))).toEqual({ kind: 'stale' })
  })

  describe('a worker that ends without an error', () => {
    it('is noticed at once: its request goes to a new worker and is answered', async () => {
      vi.useFakeTimers()
      const { client, workers } = setup({ timeoutMs: 15_000 })
      const pending = client.analyze(file('survives'))
      workers[0]!.exit()
      expect(workers).toHaveLength(2)
      expect(workers[1]!.received.map((r) => filesOf(r)[0]!.text)).toEqual(['survives'])
      workers[1]!.answer(workers[1]!.received[0]!)
      expect(textOf(await pending)).toBe('survives')
      expect(vi.getTimerCount()).toBe(0)
    })

    it('sends every request that was in it again, and keeps the caller hearing progress', async () => {
      const { client, workers } = setup()
      const stages: string[] = []
      const analysis = client.analyze(file('a'))
      const simulation = client.simulate({} as never, (stage) => stages.push(stage))
      workers[0]!.progress(workers[0]!.received[1]!, 'model')
      workers[0]!.exit()
      expect(workers[1]!.received.map((r) => r.type)).toEqual(['analyze', 'simulate'])
      workers[1]!.progress(workers[1]!.received[1]!, 'simulate')
      workers[1]!.answer(workers[1]!.received[0]!)
      workers[1]!.onmessage?.({ data: { v: PROTOCOL_VERSION, type: 'simulated', id: workers[1]!.received[1]!.id, outcome: {}, millis: 1 } } as MessageEvent<EngineResponse>)
      expect(textOf(await analysis)).toBe('a')
      expect((await simulation).kind).toBe('ok')
      expect(stages).toEqual(['model', 'simulate'])
    })

    it('fails a request under which a second worker ends, clearly, and the next request works', async () => {
      const { client, workers } = setup({ maxRestarts: 5 })
      const pending = client.analyze(file('kills workers'))
      workers[0]!.exit()
      workers[1]!.exit()
      expect(await pending).toMatchObject({ kind: 'failed', error: { code: 'worker-crashed', message: expect.stringMatching(/ended twice/) } })
      const next = client.analyze(file('next'))
      workers[2]!.answer(workers[2]!.received[0]!)
      expect(textOf(await next)).toBe('next')
    })

    it('sends the newest request instead of one a newer one replaced', async () => {
      const { client, workers } = setup()
      const old = client.analyze(file('old'))
      const newer = client.analyze(file('new'))
      workers[0]!.exit()
      expect(await old).toEqual({ kind: 'stale' })
      expect(workers[1]!.received.map((r) => filesOf(r)[0]!.text)).toEqual(['new'])
      workers[1]!.answer(workers[1]!.received[0]!)
      expect(textOf(await newer)).toBe('new')
    })

    it('while idle, is replaced before the next request: no timeout to wait for', async () => {
      vi.useFakeTimers()
      const { client, workers } = setup({ timeoutMs: 15_000 })
      const first = client.analyze(file('1'))
      workers[0]!.answer(workers[0]!.received[0]!)
      await first
      workers[0]!.exit()
      const second = client.analyze(file('2'))
      expect(workers[0]!.received).toHaveLength(1)
      workers[1]!.answer(workers[1]!.received[0]!)
      expect(textOf(await second)).toBe('2')
    })

    it('counts as a crash towards running in the page', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {})
      const { client, workers, modes } = setup({ maxRestarts: 1 })
      const pending = client.analyze(file('x'))
      workers[0]!.exit()
      workers[1]!.exit()
      expect((await pending).kind).toBe('failed')
      expect(client.mode).toBe('in-thread')
      expect(modes).toEqual(['in-thread'])
    })

    it('is ignored once the client replaced that worker itself', async () => {
      vi.useFakeTimers()
      const { client, workers } = setup({ timeoutMs: 500 })
      const slow = client.analyze(file('slow'))
      vi.advanceTimersByTime(501)
      await slow
      const next = client.analyze(file('next'))
      workers[0]!.exit()
      expect(workers).toHaveLength(2)
      workers[1]!.answer(workers[1]!.received[0]!)
      expect(textOf(await next)).toBe('next')
    })
  })

  it('a timeout fails only the slow request; the others in its worker go to the new one', async () => {
    vi.useFakeTimers()
    const { client, workers } = setup({ timeoutMs: 500 })
    const slow = client.routeView(file('huge'))
    vi.advanceTimersByTime(300)
    const quick = client.analyze(file('quick'))
    vi.advanceTimersByTime(201)
    expect(await slow).toMatchObject({ kind: 'failed', error: { code: 'timeout' } })
    expect(workers[0]!.terminated).toBe(true)
    expect(workers[1]!.received.map((r) => r.type)).toEqual(['analyze'])
    workers[1]!.answer(workers[1]!.received[0]!)
    expect(textOf(await quick)).toBe('quick')
  })
})

/** Web Locks as the browser keeps them, reduced to what the life lock uses; `end` is a worker's scope ending. */
class FakeLocks {
  private readonly held = new Set<string>()
  private readonly waiting = new Map<string, (() => void)[]>()
  request(name: string, ...args: unknown[]): Promise<unknown> {
    const callback = args.at(-1) as () => unknown
    const signal = args.length > 1 ? (args[0] as { signal?: AbortSignal }).signal : undefined
    if (!this.held.has(name)) {
      this.held.add(name)
      return Promise.resolve(callback())
    }
    return new Promise((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
      this.waiting.set(name, [...(this.waiting.get(name) ?? []), () => { if (!signal?.aborted) resolve(callback()) }])
    })
  }
  end(name: string): void {
    this.held.delete(name)
    for (const grant of this.waiting.get(name) ?? []) grant()
  }
}

describe('watchWorker', () => {
  function fakeWorker() {
    return { postMessage: vi.fn(), terminate: vi.fn(), onmessage: null, onerror: null, onmessageerror: null } as unknown as Worker
  }

  it('reports the end of a worker through its life lock and passes other messages on', async () => {
    const locks = new FakeLocks()
    const raw = fakeWorker()
    const watched = watchWorker(raw, locks as unknown as LockManager)
    const exits: string[] = []
    const messages: unknown[] = []
    watched.onexit = () => exits.push('exit')
    watched.onmessage = (event) => messages.push(event.data)
    // The worker takes its lock, then says so.
    void locks.request('life-1', () => new Promise(() => {}))
    raw.onmessage!({ data: { type: 'alive', lock: 'life-1' } } as MessageEvent)
    raw.onmessage!({ data: { type: 'analyzed', id: 1 } } as MessageEvent)
    expect(messages).toEqual([{ type: 'analyzed', id: 1 }])
    locks.end('life-1')
    await Promise.resolve()
    expect(exits).toEqual(['exit'])
  })

  it('stops watching when the client terminates the worker itself', async () => {
    const locks = new FakeLocks()
    const raw = fakeWorker()
    const watched = watchWorker(raw, locks as unknown as LockManager)
    const exits: string[] = []
    watched.onexit = () => exits.push('exit')
    void locks.request('life-2', () => new Promise(() => {}))
    raw.onmessage!({ data: { type: 'alive', lock: 'life-2' } } as MessageEvent)
    watched.terminate()
    locks.end('life-2')
    await Promise.resolve()
    expect(exits).toEqual([])
    expect(raw.terminate).toHaveBeenCalled()
  })

  it('hears of the end of a worker that announced its life lock itself', async () => {
    const locks = new FakeLocks()
    const raw = fakeWorker()
    const watched = watchWorker(raw, locks as unknown as LockManager)
    const exits: string[] = []
    watched.onexit = () => exits.push('exit')
    let lock = ''
    // The worker's side: it says so only once it holds the lock, so the page's wait can never come first.
    announceLife((message) => {
      lock = message.lock
      raw.onmessage!({ data: message } as MessageEvent)
    }, locks as unknown as LockManager)
    expect(lock).toMatch(/^ingress-studio\.worker\./)
    await Promise.resolve()
    expect(exits).toEqual([])
    locks.end(lock)
    await Promise.resolve()
    expect(exits).toEqual(['exit'])
  })

  it('treats a message that cannot be read as an error', () => {
    const raw = fakeWorker()
    const watched = watchWorker(raw, new FakeLocks() as unknown as LockManager)
    const errors: Event[] = []
    watched.onerror = (event) => errors.push(event)
    raw.onmessageerror!(new Event('messageerror') as MessageEvent)
    expect(errors).toHaveLength(1)
  })
})

describe('answersAfter: answers wait for the page\'s words for the engine', () => {
  it('holds an answer until the promise settles (even when it fails), in the order they came', async () => {
    let release: () => void = () => undefined
    const words = new Promise<void>((resolve) => (release = resolve))
    const worker = new FakeWorker()
    const client = new EngineClient({ createWorker: () => worker, answersAfter: words })
    const outcomes: string[] = []
    const first = client.analyze(file('a')).then((outcome) => outcomes.push(outcome.kind))
    worker.answer(worker.received[0] as EngineRequest)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(outcomes).toEqual([])
    release()
    await first
    expect(outcomes).toEqual(['ok'])
    // Settled once: later answers pass straight through.
    const second = client.analyze(file('b'))
    worker.answer(worker.received[1] as EngineRequest)
    expect((await second).kind).toBe('ok')

    const failing = new EngineClient({ createWorker: () => worker, answersAfter: Promise.reject(new Error('chunk failed')) })
    const third = failing.analyze(file('c'))
    worker.answer(worker.received[2] as EngineRequest)
    expect((await third).kind).toBe('ok')
  })
})

/** A worker with the real engine behind it: answers by `handleEngineRequest`, cloned as postMessage clones. */
class EngineWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null
  onerror: WorkerLike['onerror'] = null
  onexit: WorkerLike['onexit'] = null
  readonly received: EngineRequest[] = []
  readonly answers: EngineResponse[] = []
  private answered: Promise<void> = Promise.resolve()
  postMessage(message: EngineRequest): void {
    this.received.push(message)
    // In order, as a worker answers.
    this.answered = this.answered.then(async () => {
      const response = structuredClone(await answerEngineRequest(structuredClone(message)))
      this.answers.push(response)
      this.onmessage?.({ data: response } as MessageEvent<EngineResponse>)
    })
  }
  terminate(): void {}
}

describe('analyses as what changed (analysis-delta.ts)', () => {
  const edited = (replicas: number) => SEED_MANIFEST.replace(/replicas: \d+/, `replicas: ${replicas}`)
  const fresh = (text: string) => analyze([{ name: 'manifest.yaml', text }])

  it('asks against the analysis it holds and gives callers the whole analysis', async () => {
    const worker = new EngineWorker()
    const client = new EngineClient({ createWorker: () => worker })
    for (const replicas of [2, 3, 5]) {
      const outcome = await client.analyze(file(edited(replicas)))
      expect(outcome.kind === 'ok' && outcome.value.analysis).toStrictEqual(fresh(edited(replicas)))
    }
    expect(worker.received.map((request) => (request as { base?: number }).base)).toEqual([undefined, 1, 2])
    expect(worker.answers.map((answer) => answer.type)).toEqual(['analyzed', 'analyzed-delta', 'analyzed-delta'])
  })

  it('fails a delta told against another analysis, and reads whole again after it', async () => {
    const worker = new EngineWorker()
    const client = new EngineClient({ createWorker: () => worker })
    await client.analyze(file(edited(2)))
    const real = worker.postMessage.bind(worker)
    worker.postMessage = (message) => real({ ...message, base: 1 } as EngineRequest)
    await client.analyze(file(edited(3)))
    // The page holds analysis 2; a worker that answered another in between tells against that one.
    handleEngineRequest({ v: PROTOCOL_VERSION, type: 'analyze', id: 50, files: file(edited(4)) })
    worker.postMessage = (message) => real({ ...message, base: 50 } as EngineRequest)
    expect(await client.analyze(file(edited(6)))).toMatchObject({ kind: 'failed', error: { code: 'protocol-mismatch' } })
    worker.postMessage = real
    const again = await client.analyze(file(edited(7)))
    expect(again.kind === 'ok' && again.value.analysis).toStrictEqual(fresh(edited(7)))
    expect(worker.answers.map((answer) => answer.type)).toEqual(['analyzed', 'analyzed-delta', 'analyzed-delta', 'analyzed'])
  })

  it('asks for route views against the one it holds, and gives callers the whole view', async () => {
    const worker = new EngineWorker()
    const client = new EngineClient({ createWorker: () => worker })
    const views = []
    for (const replicas of [2, 3, 5]) {
      const outcome = await client.routeView(file(edited(replicas)))
      if (outcome.kind !== 'ok') throw new Error(`route view ${outcome.kind}`)
      views.push(outcome.value)
    }
    expect(worker.received.map((request) => (request as { base?: number }).base)).toEqual([undefined, 1, 2])
    expect(worker.answers.map((answer) => answer.type)).toEqual(['route-viewed', 'route-viewed-delta', 'route-viewed-delta'])
    const whole = await answerEngineRequest({ v: PROTOCOL_VERSION, type: 'route-view', id: 99, files: file(edited(5)) })
    if (whole.type !== 'route-viewed') throw new Error(whole.type)
    expect(views[2]!.view).toStrictEqual(whole.view)
    expect(views[2]!.layout).toStrictEqual(whole.layout)
    // A node no edit touched is the page's own object from the first view.
    const ingress = views[2]!.view.graph.nodes.find((node) => node.kind === 'host')
    expect(views[0]!.view.graph.nodes).toContain(ingress)
  })
})
