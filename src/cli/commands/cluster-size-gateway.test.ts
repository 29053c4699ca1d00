/**
 * `migrate --to gateway-api` and `parity` read cluster-size input as the other commands do (README.md, "Command
 * line"; docs/input-limits.md#cluster-size-input): a file over the studio's 5 MiB cap is read a document at a time,
 * and the answers are those of the same objects in a small file.
 */
import { describe, expect, it } from 'vitest'
import { MAX_INPUT_BYTES } from '../../engine'
import { SEED_MANIFEST } from '../../presets/seed'
import { memoryIo } from '../memory-io'
import { runCli } from '../main'

/** A ConfigMap of about one MiB: big files are mostly such objects around the ones that route. */
const configMap = (i: number): string => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bulk-${i}\ndata:\n  blob: "${'x'.repeat(1 << 20)}"\n`

/** The seed, then enough ConfigMaps to pass the studio's cap. */
const BIG = [SEED_MANIFEST.trimEnd(), ...Array.from({ length: Math.ceil(MAX_INPUT_BYTES / (1 << 20)) + 1 }, (_, i) => configMap(i))].join('\n---\n')

async function run(args: string[], text: string) {
  const io = memoryIo({ 'in.yaml': text })
  const code = await runCli(args, io)
  return { code, out: io.out(), err: io.err() }
}

describe('cluster-size input through the Gateway API commands', () => {
  it('the big file is over the studio\'s cap', () => {
    expect(BIG.length).toBeGreaterThan(MAX_INPUT_BYTES)
  })

  it('migrate --to gateway-api converts it as it converts the seed alone', async () => {
    const small = await run(['migrate', '--to', 'gateway-api', 'in.yaml', '--report', 'json'], SEED_MANIFEST)
    const big = await run(['migrate', '--to', 'gateway-api', 'in.yaml', '--report', 'json'], BIG)
    expect(small.code).toBe(0)
    expect(big).toEqual(small)
  })

  it('parity answers for it as for the seed alone', async () => {
    const small = await run(['parity', 'in.yaml', '-o', 'json'], SEED_MANIFEST)
    const big = await run(['parity', 'in.yaml', '-o', 'json'], BIG)
    expect(JSON.parse(small.out)).toHaveProperty('requests')
    expect(big).toEqual(small)
  })
})
