import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runInChildren } from './run-in-children'

/** A stand-in for the fuzz child: reports each of its cases, but never returns from case 0 or crashes at case 3. */
const fakeChild = `
const arg = (name) => Number(process.argv[process.argv.indexOf(name) + 1])
const [from, to, stride] = [arg('--from'), arg('--to'), arg('--stride')]
for (let i = from; i < to; i += stride) {
  console.log('start ' + i)
  if (i === 0) setInterval(() => {}, 1000)
  if (i === 0) break
  if (i === 3) process.exit(3)
  console.log('case ' + i + ' 1 []')
}
`

describe('runInChildren', () => {
  it('records a case that never returns as a hang, one that kills its process as a crash, and runs the rest', async () => {
    const script = join(mkdtempSync(join(tmpdir(), 'fuzz-child-')), 'child.mjs')
    writeFileSync(script, fakeChild)
    const summary = await runInChildren({ seed: 1, cases: 6, limitMs: 2000, jobs: 2, hangMs: 5000, command: [process.execPath, script] })
    expect(summary.total).toBe(6)
    expect(summary.findings.map((f) => [f.index, f.kind])).toEqual([[0, 'hang'], [3, 'crash']])
    expect([summary.overTime, summary.throws]).toEqual([1, 1])
  }, 60_000)
})
