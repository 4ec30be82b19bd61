/**
 * The HTTP responders' responses, editable in a collapsible "Pages and heads" section: per page
 * its head (status line and headers, CR shown as `\r`) and its HTML, each saved when the field is
 * left, refused inline past its size limit, resettable to the book's. The response linter says
 * live, as the user types, what a client will make of the response.
 */
import { useId, useState, type ReactNode } from 'react'
import {
  HELLO_HEAD,
  HELLO_HTML,
  NOT_FOUND_HEAD,
  NOT_FOUND_HTML,
} from '../../../../shared/book-pages'
import {
  MAX_HEAD_BYTES,
  MAX_PAGE_BYTES,
  type AddListenerRequest,
  type ListenerSettings,
} from '../../../../shared/contract'
import { headToText, textToHead, type HeadTextError } from '../../../../shared/response-head'
import { err, ok, type Result } from '../../../../shared/result'
import { lintResponse } from '../../../../shared/response-lint'
import { useI18n, type Translate } from '../../i18n/context'
import { ResponseLint } from './ResponseLint'

/** The settings this section changes: the pages and their heads. */
export type PagesChange = Pick<
  AddListenerRequest,
  'helloHtml' | 'notFoundHtml' | 'helloHead' | 'notFoundHead'
>

const encoder = new TextEncoder()

/** Whether `text` fits `max` UTF-8 bytes (the engine's limit). */
function fits(text: string, max: number): boolean {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: short texts need no encoding.
  return text.length * 3 <= max || encoder.encode(text).length <= max
}

/** Whether `html` fits the engine's limit once encoded as UTF-8. */
export function isPageSizeOk(html: string): boolean {
  return fits(html, MAX_PAGE_BYTES)
}

/** The head the editor's text stands for, or the message saying why it stands for none. */
function parseHead(t: Translate, text: string): Result<string, string> {
  const parsed = textToHead(text)
  if (!parsed.ok) return err(headErrorText(t, parsed.error))
  if (!fits(parsed.value, MAX_HEAD_BYTES))
    return err(t('stages.heads.tooLarge', { max: String(MAX_HEAD_BYTES / 1024) }))
  return parsed
}

function headErrorText(t: Translate, error: HeadTextError): string {
  return error.code === 'trailing-backslash'
    ? t('stages.heads.trailingBackslash')
    : t('stages.heads.badEscape', { index: String(error.index + 1) })
}

/** A draft that shows the engine's value again whenever that value changes (a save or a reset). */
function useDraft(value: string): [string | null, (draft: string | null) => void] {
  const [draft, setDraft] = useState<string | null>(null)
  const [seen, setSeen] = useState(value)
  if (seen !== value) {
    setSeen(value)
    setDraft(null)
  }
  return [draft, setDraft]
}

interface ResponseFieldsProps {
  name: 'hello.html' | '404.html'
  head: string
  page: string
  bookHead: string
  bookPage: string
  pageHint: string
  onSaveHead: (head: string) => Promise<boolean>
  onSavePage: (page: string) => Promise<boolean>
  isDisabled: boolean
}

function ResponseFields(props: ResponseFieldsProps): ReactNode {
  const { name, head, page, bookHead, bookPage, pageHint, onSaveHead, onSavePage, isDisabled } =
    props
  const { t } = useI18n()
  const id = useId()
  const [headDraft, setHeadDraft] = useDraft(head)
  const [pageDraft, setPageDraft] = useDraft(page)
  const headText = headDraft ?? headToText(head)
  const parsedHead = headDraft === null ? ok<string, string>(head) : parseHead(t, headDraft)
  const pageText = pageDraft ?? page
  const isPageOk = isPageSizeOk(pageText)
  // Lints what would be sent: the edited head and page (the saved ones while a draft is invalid).
  const warnings = lintResponse(parsedHead.ok ? parsedHead.value : head, isPageOk ? pageText : page)

  const saveHead = (): void => {
    if (!parsedHead.ok || parsedHead.value === head) return
    void onSaveHead(parsedHead.value)
  }
  const savePage = (): void => {
    if (pageDraft === null || !isPageOk || pageDraft === page) return
    void onSavePage(pageDraft)
  }

  return (
    <div role="group" aria-labelledby={`${id}-page-label`} className="field page-field">
      <label htmlFor={`${id}-head`}>{t('stages.heads.head', { page: name })}</label>
      <textarea
        id={`${id}-head`}
        className="mono head-text"
        rows={Math.min(8, Math.max(3, headText.split('\n').length))}
        spellCheck={false}
        value={headText}
        disabled={isDisabled}
        aria-invalid={parsedHead.ok ? undefined : true}
        aria-describedby={`${id}-head-message`}
        onChange={(e) => setHeadDraft(e.target.value)}
        onBlur={saveHead}
      />
      <p id={`${id}-head-message`} className={parsedHead.ok ? 'field-hint' : 'field-error'}>
        {parsedHead.ok ? t('stages.heads.hint') : parsedHead.error}
      </p>

      <label id={`${id}-page-label`} htmlFor={`${id}-page`} className="mono">
        {name}
      </label>
      <textarea
        id={`${id}-page`}
        className="mono"
        rows={8}
        spellCheck={false}
        value={pageText}
        disabled={isDisabled}
        aria-invalid={isPageOk ? undefined : true}
        aria-describedby={`${id}-page-message`}
        onChange={(e) => setPageDraft(e.target.value)}
        onBlur={savePage}
      />
      <p id={`${id}-page-message`} className={isPageOk ? 'field-hint' : 'field-error'}>
        {isPageOk ? pageHint : t('stages.pages.tooLarge', { max: String(MAX_PAGE_BYTES / 1024) })}
      </p>

      <ResponseLint page={name} warnings={warnings} />

      <div className="row">
        <button
          type="button"
          className="small"
          disabled={isDisabled || (headDraft === null && head === bookHead)}
          onClick={() => {
            setHeadDraft(null)
            if (head !== bookHead) void onSaveHead(bookHead)
          }}
        >
          {t('stages.heads.reset')}
        </button>
        <button
          type="button"
          className="small"
          disabled={isDisabled || (pageDraft === null && page === bookPage)}
          onClick={() => {
            setPageDraft(null)
            if (page !== bookPage) void onSavePage(bookPage)
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
  onApply: (change: PagesChange) => Promise<boolean>
  isDisabled?: boolean
}

/** `<details>` "Pages and heads" with hello.html and, for routes, 404.html. */
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
      <p className="field-hint">{t('stages.heads.closeNote')}</p>
      <ResponseFields
        name="hello.html"
        head={settings.helloHead}
        page={settings.helloHtml}
        bookHead={HELLO_HEAD}
        bookPage={HELLO_HTML}
        pageHint={t('stages.pages.helloHint')}
        onSaveHead={(helloHead) => onApply({ helloHead })}
        onSavePage={(helloHtml) => onApply({ helloHtml })}
        isDisabled={isDisabled}
      />
      {hasNotFound && (
        <ResponseFields
          name="404.html"
          head={settings.notFoundHead}
          page={settings.notFoundHtml}
          bookHead={NOT_FOUND_HEAD}
          bookPage={NOT_FOUND_HTML}
          pageHint={t('stages.pages.notFoundHint')}
          onSaveHead={(notFoundHead) => onApply({ notFoundHead })}
          onSavePage={(notFoundHtml) => onApply({ notFoundHtml })}
          isDisabled={isDisabled}
        />
      )}
    </details>
  )
}
