import { Session } from 'node:inspector/promises'
import { writeFileSync } from 'node:fs'
import { compileRoutes } from './src/engine'
import { fleetFiles } from './src/bench/route.bench'
import { modelOfFiles } from './src/engine/testing/models'
const model = modelOfFiles(fleetFiles(10_000))
for (let i = 0; i < 2; i++) { const t = performance.now(); compileRoutes(model); console.log('compile', performance.now() - t) }
const s = new Session(); s.connect(); await s.post('Profiler.enable'); await s.post('Profiler.start')
const t = performance.now(); compileRoutes(model); console.log('profiled compile', performance.now() - t)
const { profile } = await s.post('Profiler.stop')
writeFileSync('/tmp/prof2/c.cpuprofile', JSON.stringify(profile))
