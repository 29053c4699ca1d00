/**
 * Engine words are data: a message is an id from the catalog (`catalog.ts`) and its parameters, so every view
 * says it in the reader's language (docs/i18n.md). Parameters are names, numbers and values from the manifest,
 * or another message (a phrase inside a sentence); a view renders nested messages first.
 */
import type { MessageId } from './catalog'

export type MessageParam = string | number | Message
export type MessageParams = Readonly<Record<string, MessageParam>>

export interface Message {
  readonly id: MessageId
  readonly params: MessageParams
}

const NO_PARAMS: MessageParams = Object.freeze({})

/** The message `id` with `params`; a `count` parameter picks the plural form (`id_one` / `id_other`). */
export function msg(id: MessageId, params: MessageParams = NO_PARAMS): Message {
  return { id, params }
}
