/**
 * A labelled number input (role spinbutton) with an inline message, committed on blur or Enter.
 */
import { useId, type ReactNode } from 'react'

export interface NumberFieldProps {
  label: string
  /** As typed: the field may hold text that is not a valid number yet. */
  value: string
  min: number
  max: number
  onChange: (value: string) => void
  /** Leaving the field or pressing Enter: send the value if it is valid. */
  onCommit: () => void
  /** The message when invalid, else null: aria-invalid and aria-describedby point at it. */
  error: string | null
  hint?: string | null
  isDisabled?: boolean
}

/** One number field. */
export function NumberField({
  label,
  value,
  min,
  max,
  onChange,
  onCommit,
  error,
  hint = null,
  isDisabled = false,
}: NumberFieldProps): ReactNode {
  const id = useId()
  const messageId = `${id}-message`
  const message = error ?? hint
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={value}
        autoComplete="off"
        disabled={isDisabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={message ? messageId : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onCommit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') onCommit()
        }}
      />
      {message && (
        <p id={messageId} className={error ? 'field-error' : 'field-hint'}>
          {message}
        </p>
      )}
    </div>
  )
}
