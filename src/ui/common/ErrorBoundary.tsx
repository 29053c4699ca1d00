import { Component, type ReactNode } from 'react'

interface Props {
  readonly fallback: (error: Error, reset: () => void) => ReactNode
  readonly children: ReactNode
}

/** Catches a render error below it and shows `fallback` instead of an empty page. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }

  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override componentDidCatch(error: unknown) {
    console.error('Ingress Studio: a view failed to render.', error)
  }

  override render() {
    const { error } = this.state
    return error ? this.props.fallback(error, () => this.setState({ error: null })) : this.props.children
  }
}
