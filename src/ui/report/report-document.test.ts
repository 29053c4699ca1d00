import { describe, expect, it } from 'vitest'
import { reportTree, type ReportChild, type ReportElement } from './report-document'
import type { ReportModel, ReportRollout } from './report-model'

const HOSTILE = '<img src=x onerror=alert(1)>'
const PNG = 'data:image/png;base64,iVBORw0KGgo='

const rollout: ReportRollout = {
  heading: 'Rollout report',
  facts: [['Deployment', `default/${HOSTILE}`]],
  staleNote: null,
  timelineHeading: 'Timeline',
  image: { src: PNG, alt: `The rollout of ${HOSTILE}` },
  vegetaHeading: 'vegeta report',
  vegetaSummary: '600 requests, 12 failed',
  vegetaText: 'Requests      [total, rate, throughput]  600, 10.02, 9.82\n',
  histogramHeading: 'Latency histogram',
  histogramText: 'Bucket  #  %\n',
  failuresHeading: 'Failures by cause',
  failureColumns: ['Requests', 'Cause', 'Why', 'What prevents it'],
  failures: [{ detail: 'listener-closed', label: '502: listener closed after SIGTERM', count: 12, why: 'The app closed its listener.', fix: 'Sleep in preStop.' }],
  failuresNote: null,
  eventsHeading: 'Events',
  eventColumns: ['Time', 'Type', 'Reason', 'Object', 'Message'],
  events: [
    {
      time: '1.00 s',
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      object: `deployment/${HOSTILE}`,
      message: `Scaled up replica set ${HOSTILE} to 1`,
      explained: `레플리카셋 ${HOSTILE}을(를) 1개로 늘림`,
      count: 2,
    },
  ],
  eventsNote: null,
}

function model(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    lang: 'ko',
    title: 'Ingress Studio 리포트',
    dateIso: '2026-12-03T15:30:00.000Z',
    dateText: '작성: 2026년 12월 4일 오전 12:30',
    manifest: { heading: '매니페스트', nameLabel: '이름', name: HOSTILE, objectsLabel: '오브젝트', kinds: [['Ingress', 3], ['Deployment', 1]], noObjects: null },
    rollout,
    lint: {
      heading: '린트 리포트',
      summary: '오류 1개, 경고 0개, 정보 0개',
      columns: ['줄:열', '코드', '내용'],
      groups: [{ severity: 'error', heading: '오류', items: [{ position: '3:9', code: 'model-invalid-name', text: `"${HOSTILE}"은(는) 올바른 이름이 아닙니다` }] }],
      note: null,
    },
    ...overrides,
  }
}

function elements(node: ReportChild): ReportElement[] {
  return typeof node === 'string' ? [] : [node, ...node.children.flatMap(elements)]
}

function texts(node: ReportChild): string[] {
  return typeof node === 'string' ? [node] : node.children.flatMap(texts)
}

/** The text of the first element with `tag` whose text includes `part`. */
function find(tree: ReportElement, tag: string, part: string): ReportElement | undefined {
  return elements(tree).find((e) => e.tag === tag && texts(e).join('').includes(part))
}

describe('the report tree', () => {
  it('keeps untrusted names as text: never a tag, never in an attribute but alt', () => {
    const tree = reportTree(model())
    const all = elements(tree)
    expect(texts(tree).filter((t) => t.includes(HOSTILE)).length).toBe(6) // name, deployment, object, event (both), finding
    for (const element of all) {
      for (const [name, value] of Object.entries(element.attributes)) if (name !== 'alt') expect(value).not.toContain('<')
    }
    // The one image is the timeline; the name inside its description is an attribute value the DOM escapes.
    expect(all.filter((e) => e.tag === 'img')).toEqual([{ tag: 'img', attributes: { src: PNG, alt: `The rollout of ${HOSTILE}` }, children: [] }])
  })

  it('draws only a PNG data URL as the timeline: any other source is left out', () => {
    for (const src of ['https://example.com/x.png', 'data:image/svg+xml;base64,PHN2Zz4=', 'javascript:alert(1)', `${PNG}" onerror="x`]) {
      const tree = reportTree(model({ rollout: { ...rollout, image: { src, alt: 'timeline' } } }))
      expect(elements(tree).some((e) => e.tag === 'img')).toBe(false)
    }
  })

  it("has the sections in order and marks what stays English (vegeta, Kubernetes' event words)", () => {
    const tree = reportTree(model())
    const headings = elements(tree).filter((e) => e.tag === 'h1' || e.tag === 'h2').map((e) => texts(e).join(''))
    expect(headings).toEqual(['Ingress Studio 리포트', '매니페스트', 'Rollout report', '린트 리포트'])
    const pres = elements(tree).filter((e) => e.tag === 'pre')
    expect(pres.map((e) => [e.attributes.lang, texts(e).join('')])).toEqual([
      ['en', rollout.vegetaText],
      ['en', rollout.histogramText],
    ])
    expect(find(tree, 'td', 'The app closed its listener.')?.attributes.lang).toBeUndefined()
    // The explanation in the report's language, then Kubernetes' words as kubectl prints them, marked English.
    const message = find(tree, 'td', 'Scaled up replica set')!
    expect(message.attributes.lang).toBeUndefined()
    expect(message.children).toEqual([
      { tag: 'span', attributes: { class: 'explained' }, children: [`레플리카셋 ${HOSTILE}을(를) 1개로 늘림`] },
      { tag: 'span', attributes: { class: 'verbatim', lang: 'en' }, children: [`Scaled up replica set ${HOSTILE} to 1 (×2)`] },
    ])
    const english = reportTree(model({ lang: 'en', rollout: { ...rollout, events: [{ ...rollout.events[0]!, explained: null, count: 1 }] } }))
    expect(find(english, 'td', 'Scaled up replica set')).toEqual({ tag: 'td', attributes: { lang: 'en' }, children: [`Scaled up replica set ${HOSTILE} to 1`] })
    expect(find(tree, 'time', '작성')?.attributes.datetime).toBe('2026-12-03T15:30:00.000Z')
    expect(find(tree, 'h3', '오류')).toBeDefined()
    expect(texts(find(tree, 'h3', '오류')!).join('')).toBe('오류 (1)')
  })

  it('writes a note where a section has nothing to list', () => {
    const tree = reportTree(
      model({
        rollout: { heading: 'Rollout report', none: 'No rollout was simulated.' },
        lint: { heading: 'Lint report', summary: '0 errors', columns: ['a', 'b', 'c'], groups: [], note: 'No problems found.' },
      }),
    )
    expect(elements(tree).some((e) => e.tag === 'table')).toBe(false)
    expect(find(tree, 'p', 'No rollout was simulated.')?.attributes.class).toBe('note')
    expect(find(tree, 'p', 'No problems found.')?.attributes.class).toBe('note')
  })
})
