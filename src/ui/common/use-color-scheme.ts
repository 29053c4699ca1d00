import { useSyncExternalStore } from 'react'

export type ColorScheme = 'light' | 'dark'

const query = () => window.matchMedia('(prefers-color-scheme: dark)')

function subscribe(onChange: () => void): () => void {
  const media = query()
  media.addEventListener('change', onChange)
  // The user's explicit choice lives on the root element (`data-theme`, see settings/document-sync.ts).
  const observer = new MutationObserver(onChange)
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] })
  return () => {
    media.removeEventListener('change', onChange)
    observer.disconnect()
  }
}

function snapshot(): ColorScheme {
  const chosen = document.documentElement.dataset.theme
  if (chosen === 'light' || chosen === 'dark') return chosen
  return query().matches ? 'dark' : 'light'
}

/** The colour scheme in effect: the user's choice, else the system's, following changes live. */
export function useColorScheme(): ColorScheme {
  return useSyncExternalStore(subscribe, snapshot, () => 'light')
}
