/** The page's entry: start the studio's state and engine, then render. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './ui/app/App'
import { startStudio } from './ui/app/start-studio'
import { languageReady } from './ui/i18n'
import './ui/app/tokens.css'
import './ui/app/app.css'
import './ui/app/print.css'

// The saved text is read first (IndexedDB answers in milliseconds), so the editor never shows a text that the
// restored one then replaces; a Korean reader's resources load alongside, so the first paint is in Korean.
void Promise.all([startStudio(), languageReady]).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
