import { describe, expect, it } from 'vitest'
import { DiagnosticsPanel } from '../inspector/DiagnosticsPanel'
import { renderInLanguage } from '../testing/render-in-language'
import { EngineFailureNotice } from './EngineFailureNotice'

const render = renderInLanguage

const retry = () => {}

describe('a view the engine gave no answer', () => {
  it('says the analysis is unavailable and why, with Retry, in English and Korean', async () => {
    const failure = { code: 'timeout', message: 'The engine took longer than 15000 ms.' } as const
    const en = await render(EngineFailureNotice, { work: 'analysis', failure, onRetry: retry })
    expect(en).toContain('The analysis is unavailable: the engine did not answer in time.')
    expect(en).toContain('>Retry</button>')
    expect(en).toContain('data-code="timeout"')
    const ko = await render(EngineFailureNotice, { work: 'analysis', failure, onRetry: retry }, 'ko')
    expect(ko).toContain('분석 결과를 볼 수 없습니다: 엔진이 제시간에 응답하지 않았습니다.')
    expect(ko).toContain('>다시 시도</button>')
  })

  it('names every failure code the protocol has, and passes the engine\'s own message only for an exception', async () => {
    const texts = await Promise.all(
      (['timeout', 'worker-crashed', 'engine-exception', 'protocol-mismatch'] as const).map((code) =>
        render(EngineFailureNotice, { work: 'test', failure: { code, message: 'boom' }, onRetry: retry }),
      ),
    )
    expect(texts.every((html) => html.includes('This request got no answer: the engine'))).toBe(true)
    expect(texts.map((html) => html.includes('boom'))).toEqual([false, false, true, false])
  })

  it('the diagnostics list says it is analyzing before the first analysis instead of saying "No problems found"', async () => {
    const html = await render(DiagnosticsPanel, {})
    expect(html).toContain('Analyzing…')
    expect(html).not.toContain('No problems found')
  })
})
