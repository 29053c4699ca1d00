import { AppErrorBoundary } from './AppErrorBoundary'
import { Layout } from './Layout'

/** The studio: the layout under an error boundary that keeps the user's text whatever breaks. */
export function App() {
  return (
    <AppErrorBoundary>
      <Layout />
    </AppErrorBoundary>
  )
}
