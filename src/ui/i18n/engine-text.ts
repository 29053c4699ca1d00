/**
 * The engine's messages (`engine/messages`: an id and parameters) in the reader's language, through i18next's
 * `engine` namespace, whose resources are the engine's catalog (`collect-resources.ts`).
 */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { Message } from '../../engine/messages/message'
import { renderMessage } from '../../engine/messages/render-message'

/** `message` in the language `t` speaks (`t` of any namespace: the engine's is named explicitly). */
export function engineText(t: TFunction, message: Message): string {
  return renderMessage(message, (id, params) => t(`engine:${id}`, params))
}

/** A function that says engine messages in the current language, re-rendering on a language change. */
export function useEngineText(): (message: Message) => string {
  const { t } = useTranslation('engine')
  return useCallback((message: Message) => engineText(t, message), [t])
}
