/**
 * The plan of the client panel: HTTP requests (rows of count × path at a start offset, with the
 * book's presets) or one raw request and how its bytes are framed.
 */
import { useId, type ReactNode } from 'react'
import {
  CLIENT_FRAMINGS,
  MAX_CLIENT_CHUNKS,
  MAX_CLIENT_GAP_MS,
  MAX_CLIENT_CONNECTIONS,
  MAX_CLIENT_IDLE,
  MAX_CLIENT_ROWS,
  type ClientFramingKind,
} from '../../../../shared/client-types'
import { rawPlanBytes } from '../../../../shared/client-checks'
import { useI18n } from '../../i18n/context'
import {
  CLIENT_PRESETS,
  presetIdle,
  presetRows,
  type ClientDraft,
  type RowDraft,
} from '../../state/client-draft'
import { NumberField } from '../ui'

export interface ClientPlanEditorProps {
  draft: ClientDraft
  onChange: (change: Partial<ClientDraft>) => void
  /** The catalog message for a field's error, or null. */
  errorOf: (field: string) => string | null
  isDisabled: boolean
}

/** One row's three inputs and its remove button. */
function RowFields({
  row,
  index,
  onChange,
  onRemove,
  errorOf,
  isDisabled,
}: {
  row: RowDraft
  index: number
  onChange: (row: RowDraft) => void
  onRemove: (() => void) | null
  errorOf: (field: string) => string | null
  isDisabled: boolean
}): ReactNode {
  const { t } = useI18n()
  const id = useId()
  const n = index + 1
  const fields = [
    { key: 'count', label: t('client.row.count', { n }), mode: 'numeric' },
    { key: 'path', label: t('client.row.path', { n }), mode: 'text' },
    { key: 'startMs', label: t('client.row.start', { n }), mode: 'numeric' },
  ] as const
  const errors = fields.flatMap((f) => {
    const message = errorOf(`rows.${index}.${f.key}`)
    return message === null ? [] : [{ key: f.key, message }]
  })
  return (
    <li className="client-row">
      <div className="client-row-inputs">
        {fields.map((f) => {
          const error = errors.find((e) => e.key === f.key)
          return (
            <input
              key={f.key}
              className={`client-${f.key}`}
              type="text"
              inputMode={f.mode}
              spellCheck={false}
              autoComplete="off"
              aria-label={f.label}
              value={row[f.key]}
              disabled={isDisabled}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-${f.key}` : undefined}
              onChange={(e) => onChange({ ...row, [f.key]: e.target.value })}
            />
          )
        })}
        <button
          type="button"
          className="small quiet"
          aria-label={t('client.row.remove', { n })}
          disabled={isDisabled || onRemove === null}
          onClick={onRemove ?? undefined}
        >
          ×
        </button>
      </div>
      {errors.map((e) => (
        <p key={e.key} id={`${id}-${e.key}`} className="field-error">
          {e.message}
        </p>
      ))}
    </li>
  )
}

function HttpRows({ draft, onChange, errorOf, isDisabled }: ClientPlanEditorProps): ReactNode {
  const { t } = useI18n()
  const setRow = (index: number, row: RowDraft): void =>
    onChange({ rows: draft.rows.map((r, i) => (i === index ? row : r)) })
  const rowsError = errorOf('rows')
  return (
    <div className="client-rows">
      <div role="group" aria-label={t('client.presets')} className="client-presets">
        {CLIENT_PRESETS.map((preset) => (
          <button
            key={preset}
            type="button"
            className="small"
            disabled={isDisabled}
            onClick={() => onChange({ rows: presetRows(preset), idle: presetIdle(preset) })}
          >
            {t(`client.preset.${preset}`)}
          </button>
        ))}
      </div>
      <div className="client-row-head" aria-hidden="true">
        <span>{t('client.col.count')}</span>
        <span>{t('client.col.path')}</span>
        <span>{t('client.col.start')}</span>
      </div>
      <ol className="client-row-list">
        {draft.rows.map((row, index) => (
          <RowFields
            key={index}
            row={row}
            index={index}
            onChange={(next) => setRow(index, next)}
            onRemove={
              draft.rows.length > 1
                ? () => onChange({ rows: draft.rows.filter((_, i) => i !== index) })
                : null
            }
            errorOf={errorOf}
            isDisabled={isDisabled}
          />
        ))}
      </ol>
      {rowsError && <p className="field-error">{rowsError}</p>}
      <div className="client-rows-foot">
        <button
          type="button"
          className="small"
          disabled={isDisabled || draft.rows.length >= MAX_CLIENT_ROWS}
          onClick={() =>
            onChange({ rows: [...draft.rows, { count: '1', path: '/', startMs: '0' }] })
          }
        >
          {t('client.row.add')}
        </button>
        <span className="field-hint">{t('client.rows.hint', { max: MAX_CLIENT_CONNECTIONS })}</span>
      </div>
      <NumberField
        label={t('client.idle.label')}
        value={draft.idle}
        min={0}
        max={MAX_CLIENT_IDLE}
        onChange={(value) => onChange({ idle: value })}
        onCommit={() => undefined}
        error={errorOf('idle')}
        hint={t('client.idle.hint', { max: MAX_CLIENT_IDLE })}
        isDisabled={isDisabled}
      />
    </div>
  )
}

function RawRequest({ draft, onChange, errorOf, isDisabled }: ClientPlanEditorProps): ReactNode {
  const { t } = useI18n()
  const id = useId()
  const parsed = rawPlanBytes(draft.rawText)
  const textError = errorOf('raw.text')
  const number = (key: 'chunks' | 'gapMs' | 'intervalMs', label: string, max: number) => (
    <NumberField
      label={label}
      value={draft[key]}
      min={key === 'gapMs' ? 0 : 1}
      max={max}
      onChange={(value) => onChange({ [key]: value })}
      onCommit={() => undefined}
      error={errorOf(`framing.${key}`)}
      isDisabled={isDisabled}
    />
  )
  return (
    <div className="client-raw">
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('client.raw.text')}</label>
        <textarea
          id={`${id}-text`}
          rows={3}
          spellCheck={false}
          value={draft.rawText}
          disabled={isDisabled}
          aria-invalid={textError ? true : undefined}
          aria-describedby={`${id}-text-message`}
          onChange={(e) => onChange({ rawText: e.target.value })}
        />
        <p id={`${id}-text-message`} className={textError ? 'field-error' : 'field-hint'}>
          {textError ?? t('client.raw.hint', { count: parsed.ok ? parsed.value.length : 0 })}
        </p>
      </div>
      <div className="client-framing">
        <div className="field">
          <label htmlFor={`${id}-framing`}>{t('client.framing')}</label>
          <select
            id={`${id}-framing`}
            value={draft.framing}
            disabled={isDisabled}
            aria-describedby={`${id}-framing-help`}
            onChange={(e) => onChange({ framing: e.target.value as ClientFramingKind })}
          >
            {CLIENT_FRAMINGS.map((f) => (
              <option key={f} value={f}>
                {t(`client.framing.${f}`)}
              </option>
            ))}
          </select>
        </div>
        {draft.framing === 'chunks' && number('chunks', t('client.chunks'), MAX_CLIENT_CHUNKS)}
        {draft.framing === 'chunks' && number('gapMs', t('client.gap'), MAX_CLIENT_GAP_MS)}
        {draft.framing === 'bytes' && number('intervalMs', t('client.interval'), MAX_CLIENT_GAP_MS)}
      </div>
      <p id={`${id}-framing-help`} className="field-hint">
        {t(`client.framing.explain.${draft.framing}`)}
      </p>
    </div>
  )
}

/** The plan kind and its editor. */
export function ClientPlanEditor(props: ClientPlanEditorProps): ReactNode {
  const { t } = useI18n()
  const name = useId()
  const { draft, onChange, isDisabled } = props
  return (
    <fieldset className="client-plan">
      <legend>{t('client.plan')}</legend>
      <div className="client-kinds">
        {(['http', 'raw'] as const).map((kind) => (
          <label key={kind}>
            <input
              type="radio"
              name={name}
              value={kind}
              checked={draft.kind === kind}
              disabled={isDisabled}
              onChange={() => onChange({ kind })}
            />
            {t(`client.plan.${kind}`)}
          </label>
        ))}
      </div>
      {draft.kind === 'http' ? <HttpRows {...props} /> : <RawRequest {...props} />}
    </fieldset>
  )
}
