/**
 * Reading a document at a time (the CLI's `streamDocuments`) against reading the file whole (the studio), over the
 * fuzzer's hostile manifests (manifest-cases.ts: broken YAML, aliases, Lists, control characters, odd markers):
 * both reject the same inputs, and every input without a YAML error gets exactly the same diagnostics and model
 * (whatever the model stage finds in it). Text with YAML errors may differ in which syntax errors a broken document
 * reports (each document is parsed alone), never in being rejected.
 */
import { describe, expect, it } from 'vitest'
import { analyze, isRejectedInput } from '../engine'
import { manifestText, scenarioObjects } from './manifest-cases'
import { filesText } from './manifest-text'
import { createRng } from './rng'

describe('a document at a time answers as the whole file', () => {
  it('on 150 hostile manifests and 150 undamaged ones: the same rejections, the same answers without YAML errors', () => {
    let compared = 0
    const texts = [
      ...Array.from({ length: 150 }, (_, i) => manifestText(createRng(i + 1))),
      // The same generator's objects written out without text damage: most have no YAML error, so answers are compared in full.
      ...Array.from({ length: 150 }, (_, i) => filesText(createRng(1000 + i), scenarioObjects(createRng(2000 + i)))),
    ]
    for (const [seed, text] of texts.entries()) {
      const whole = analyze([{ name: 'f.yaml', text }])
      const streamed = analyze([{ name: 'f.yaml', text }], { streamDocuments: true })
      expect(streamed.diagnostics.some(isRejectedInput), `case ${seed}`).toBe(whole.diagnostics.some(isRejectedInput))
      // Text the YAML parser reads without complaint is read the same, whatever the model stage then finds in it.
      if (whole.diagnostics.some((d) => d.stage === 'source' && d.severity === 'error')) continue
      compared++
      expect(streamed.diagnostics, `case ${seed}`).toEqual(whole.diagnostics)
      expect(streamed.model, `case ${seed}`).toEqual(whole.model)
    }
    expect(compared).toBeGreaterThan(150) // 205 of the 300 with these seeds
  })
})
