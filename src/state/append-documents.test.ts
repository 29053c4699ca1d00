import { describe, expect, it } from 'vitest'
import { appendDocuments } from './append-documents'

describe('appendDocuments', () => {
  it('keeps the text and adds the documents after a separator', () => {
    expect(appendDocuments('kind: A\n', 'kind: B\n')).toBe('kind: A\n---\nkind: B\n')
  })
  it('adds the missing line break of the text and of the documents', () => {
    expect(appendDocuments('kind: A', 'kind: B')).toBe('kind: A\n---\nkind: B\n')
  })
  it('does not double a leading separator of the documents', () => {
    expect(appendDocuments('kind: A\n', '---\nkind: B\n---\nkind: C\n')).toBe('kind: A\n---\nkind: B\n---\nkind: C\n')
  })
  it('keeps a comment ending the text', () => {
    expect(appendDocuments('kind: A\n# end', 'kind: B\n')).toBe('kind: A\n# end\n---\nkind: B\n')
  })
  it('an empty text becomes the documents alone', () => {
    expect(appendDocuments('  \n', 'kind: B\n')).toBe('kind: B\n')
  })
})
