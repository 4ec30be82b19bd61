/**
 * The HTTP responders' pages (hello.html, 404.html), editable in a collapsible "Pages" section:
 * saved when the field is left, refused inline past MAX_PAGE_BYTES, resettable to the book's.
 */
import { useId, useState, type ReactNode } from 'react'
import { HELLO_HTML, NOT_FOUND_HTML } from '../../../shared/book-pages'
import { MAX_PAGE_BYTES, type ListenerSettings } from '../../../shared/contract'
import { useI18n } from '../i18n/context'
import type { StageChange } from './StageSettings'

const encoder = new TextEncoder()

/** Whether `html` fits the engine's limit once encoded as UTF-8. */
export function isPageSizeOk(html: string): boolean {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: short pages need no encoding.
  return html.length * 3 <= MAX_PAGE_BYTES || encoder.encode(html).length <= MAX_PAGE_BYTES
}

interface PageFieldProps {
  name: 'hello.html' | '404.html'
  value: string
  bookPage: string
  hint: string
  onSave: (html: string) => Promise<boolean>
  isDisabled: boolean
}

function PageField({ name, value, bookPage, hint, onSave, isDisabled }: PageFieldProps): ReactNode {
  const { t } = useI18n()
  const id = useId()
  const [draft, setDraft] = useState<string | null>(null)
  const [seen, setSeen] = useState(value)
  if (seen !== value) {
    // The engine has a new page (ours or a reset): show it.
    setSeen(value)
    setDraft(null)
  }
  const text = draft ?? value
  const isOk = isPageSizeOk(text)
  const messageId = `${id}-message`

  const save = (): void => {
    if (draft === null || !isOk || draft === value) return
    void onSave(draft)
  }

  return (
    <div role="group" aria-labelledby={`${id}-label`} className="field page-field">
      <label id={`${id}-label`} htmlFor={id} className="mono">
        {name}
      </label>
      <textarea
        id={id}
        className="mono"
        rows={8}
        spellCheck={false}
        value={text}
        disabled={isDisabled}
        aria-invalid={isOk ? undefined : true}
        aria-describedby={messageId}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
      />
      <p id={messageId} className={isOk ? 'field-hint' : 'field-error'}>
        {isOk ? hint : t('stages.pages.tooLarge', { max: String(MAX_PAGE_BYTES / 1024) })}
      </p>
      <div className="row">
        <button
          type="button"
          className="small"
          disabled={isDisabled || (draft === null && value === bookPage)}
          onClick={() => {
            setDraft(null)
            if (value !== bookPage) void onSave(bookPage)
          }}
        >
          {t('stages.pages.reset')}
        </button>
      </div>
    </div>
  )
}

export interface PagesEditorProps {
  settings: ListenerSettings
  /** 404.html is served by the routing responders only. */
  hasNotFound: boolean
  onApply: (change: StageChange) => Promise<boolean>
  isDisabled?: boolean
}

/** `<details>` "Pages" with hello.html and, for routes, 404.html. */
export function PagesEditor({
  settings,
  hasNotFound,
  onApply,
  isDisabled = false,
}: PagesEditorProps): ReactNode {
  const { t } = useI18n()
  return (
    <details className="settings pages">
      <summary>{t('stages.pages')}</summary>
      <PageField
        name="hello.html"
        value={settings.helloHtml}
        bookPage={HELLO_HTML}
        hint={t('stages.pages.helloHint')}
        onSave={(helloHtml) => onApply({ helloHtml })}
        isDisabled={isDisabled}
      />
      {hasNotFound && (
        <PageField
          name="404.html"
          value={settings.notFoundHtml}
          bookPage={NOT_FOUND_HTML}
          hint={t('stages.pages.notFoundHint')}
          onSave={(notFoundHtml) => onApply({ notFoundHtml })}
          isDisabled={isDisabled}
        />
      )}
    </details>
  )
}
