/**
 * Colours for canvas drawing (pod lanes, charts), read from the CSS custom properties the stylesheet defines,
 * so light and dark themes stay in one place. `useThemeVersion` changes whenever they may have changed.
 */
import { useEffect, useState } from 'react'

/** The value of a CSS custom property on `element` (or the document), trimmed; `fallback` when unset. */
export function readCssColor(name: string, fallback: string, element: Element = document.documentElement): string {
  const value = getComputedStyle(element).getPropertyValue(name).trim()
  return value === '' ? fallback : value
}

/** A counter that grows when the colour scheme or the root element's theme attributes change. */
export function useThemeVersion(): number {
  const [version, setVersion] = useState(0)
  useEffect(() => {
    const bump = () => setVersion((v) => v + 1)
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    media.addEventListener('change', bump)
    const observer = new MutationObserver(bump)
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'data-theme', 'style'] })
    return () => {
      media.removeEventListener('change', bump)
      observer.disconnect()
    }
  }, [])
  return version
}
