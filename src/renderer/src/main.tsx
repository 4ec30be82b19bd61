/**
 * The renderer's entry: pick the transport, boot the store, render the app.
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { boot } from './boot'
import { Root } from './components/Root'
import { I18nProvider } from './i18n/I18nProvider'
import { getTransport } from './transport/get-api'
import './styles.css'

const { api, link } = getTransport()
const { store, reconnect } = boot(api, link)
const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root')

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <Root api={api} store={store} onReconnect={reconnect} />
    </I18nProvider>
  </StrictMode>,
)
