/**
 * An engine message (`engine/messages`) as React nodes in the reader's language, with its data — names,
 * paths, hosts, nginx.conf syntax, the string parameters — set in `<code>`, so a Korean sentence reads as
 * Korean around the names it quotes. Nested messages (phrases) are rendered the same way, inside the
 * sentence. Text only: no parameter is ever read as HTML.
 */
import { Fragment, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { Message } from '../../engine/messages/message'

// Private-use characters stand for a parameter while i18next fills the template; no template contains them.
const OPEN = '\uE000'
const CLOSE = '\uE001'
const SLOT = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g')

/** `message` as nodes: the template's words as text, string parameters as `<code>`, nested messages inline. */
export function engineNodes(t: TFunction, message: Message, key = 'm'): ReactNode[] {
  const slots: ReactNode[][] = []
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(message.params)) {
    if (typeof value === 'number') {
      params[name] = value
      continue
    }
    const nodes = typeof value === 'string' ? [<code key={`${key}-${slots.length}`}>{value}</code>] : engineNodes(t, value, `${key}-${slots.length}`)
    params[name] = `${OPEN}${slots.length}${CLOSE}`
    slots.push(nodes)
  }
  const text = t(`engine:${message.id}`, params)
  const nodes: ReactNode[] = []
  let last = 0
  for (const match of text.matchAll(SLOT)) {
    if (match.index > last) nodes.push(text.slice(last, match.index))
    nodes.push(<Fragment key={`${key}-s${nodes.length}`}>{slots[Number(match[1])]}</Fragment>)
    last = match.index + match[0].length
  }
  if (last < text.length) nodes.push(text.slice(last))
  return nodes
}

/** One engine message in the current language, data in `<code>`. */
export function EngineMessage({ message }: { readonly message: Message }) {
  const { t } = useTranslation('engine')
  return <>{engineNodes(t, message)}</>
}
