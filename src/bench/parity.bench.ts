/**
 * The parity check (docs/migration.md#parity) on 10, 100 and 1,000 Ingresses, end to end as the CLI's `parity FILE`
 * runs it: `checkParity(files, null)` converts the Ingresses, reads one model from both sides, generates the
 * requests and routes each through both routers. The Ingresses are generated deterministically in a realistic mix:
 * hosts shared by pairs, Prefix / Exact / ImplementationSpecific paths, every fifth host with TLS, every tenth a
 * canary (by weight, or by header), every ninth a rewrite-target. Figures: the requests generated, the requests per
 * second through both routers (generation and comparison, without the conversion and the compile), and the whole
 * check in ms. Budget: 1,000 Ingresses "in seconds" (the issue) — held to ≤ 10,000 ms.
 */
import { checkParity } from '../engine'
import { compileSides, runParity } from '../engine/parity/run-parity'
import { backendYaml, ingressYaml, joinDocuments, nginx } from '../engine/testing/manifests'
import { convertToGatewayApi } from '../engine'
import { median, type BenchFigure } from './figure'

/** Ingresses per file: each file stays far under the engine's input cap. */
const INGRESSES_PER_FILE = 250

function ingressOf(i: number): string {
  const host = `app-${i >> 1}.example.com`
  const type = i % 7 === 3 ? 'ImplementationSpecific' : 'Prefix'
  const paths = [
    { path: `/api-${i}`, type: type as 'Prefix' | 'ImplementationSpecific', backend: `svc-${i}:80` },
    { path: `/exact-${i}`, type: 'Exact' as const, backend: `svc-${i}:80` },
    ...(i % 3 === 0 ? [{ path: `/docs-${i}/guide`, type: 'Prefix' as const, backend: `svc-${i}:80` }] : []),
  ]
  const annotations = i % 9 === 4 ? nginx({ 'rewrite-target': '/' }) : undefined
  const primary = ingressYaml(`ing-${i}`, {
    rules: [{ host, paths }], ...(annotations ? { annotations } : {}), ...(i % 5 === 0 ? { tls: [{ hosts: [host], secretName: `tls-${i}` }] } : {}),
    timestamp: `2024-01-01T${String(Math.floor(i / 3600) % 24).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`,
  })
  if (i % 10 !== 7) return joinDocuments(backendYaml(`svc-${i}`), primary)
  const canary = ingressYaml(`ing-${i}-canary`, {
    annotations: nginx(i % 20 === 7 ? { canary: 'true', 'canary-weight': '20' } : { canary: 'true', 'canary-by-header': 'X-Canary' }),
    rules: [{ host, paths: [{ path: `/api-${i}`, type: type as 'Prefix' | 'ImplementationSpecific', backend: `svc-${i}-canary:80` }] }],
  })
  return joinDocuments(backendYaml(`svc-${i}`), backendYaml(`svc-${i}-canary`), primary, canary)
}

function filesOf(count: number): { name: string; text: string }[] {
  const files = []
  for (let start = 0; start < count; start += INGRESSES_PER_FILE) {
    const documents = []
    for (let i = start; i < Math.min(count, start + INGRESSES_PER_FILE); i++) documents.push(ingressOf(i))
    files.push({ name: `ingresses-${start}.yaml`, text: joinDocuments(...documents) })
  }
  return files
}

function cpuMs(): number {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

export async function run(): Promise<BenchFigure[]> {
  const figures: BenchFigure[] = []
  for (const count of [10, 100, 1000]) {
    const files = filesOf(count)
    const rounds = count >= 1000 ? 3 : 5
    const totals: number[] = []
    let requests = 0
    let differences = 0
    for (let round = 0; round < rounds; round++) {
      const started = cpuMs()
      const report = checkParity(files, null)
      totals.push(cpuMs() - started)
      if ('problem' in report) throw new Error('checkParity refused the generated Ingresses')
      requests = report.requests
      differences = report.differences.length
    }
    // The routing alone: the generated requests through both routers, the model and routes compiled beforehand.
    const conversion = convertToGatewayApi(files)
    if ('problem' in conversion) throw new Error('the conversion refused the generated Ingresses')
    const sides = compileSides(files, [{ name: 'converted.yaml', text: conversion.text }], conversion.gateway)
    if ('problem' in sides) throw new Error('no Gateway to route through')
    const routing: number[] = []
    for (let round = 0; round < rounds; round++) {
      const started = cpuMs()
      runParity(sides, [], conversion.findings)
      routing.push(cpuMs() - started)
    }
    const total = median(totals)
    figures.push({ name: `parity ${count} Ingresses: requests generated (${differences} differ)`, value: requests, unit: 'requests' })
    figures.push({ name: `parity ${count} Ingresses: requests through both routers`, value: requests / (median(routing) / 1000), unit: 'req/s' })
    figures.push({
      name: `parity ${count} Ingresses: checkParity with conversion`, value: total, unit: 'ms',
      ...(count === 1000 ? { budget: '≤ 10,000 ("in seconds")', ok: total <= 10_000 } : {}),
    })
  }
  return figures
}
