/**
 * A labelled text input with an inline message: aria-invalid and aria-describedby point at it.
 */
import { useId, type ReactNode } from 'react'

export interface TextFieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  onBlur?: () => void
  /** The message when invalid, else null. */
  error: string | null
  /** A quiet line under the field when valid. */
  hint?: string | null
  isDisabled?: boolean
  inputMode?: 'numeric' | 'text'
  placeholder?: string
  className?: string
}

/** One field of a form. */
export function TextField({
  label,
  value,
  onChange,
  onBlur,
  error,
  hint = null,
  isDisabled = false,
  inputMode = 'text',
  placeholder,
  className,
}: TextFieldProps): ReactNode {
  const id = useId()
  const messageId = `${id}-message`
  const message = error ?? hint
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        disabled={isDisabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={message ? messageId : undefined}
        onChange={(e) => onChange(e.target.value)}
        onBlur={onBlur}
      />
      {message && (
        <p id={messageId} className={error ? 'field-error' : 'field-hint'}>
          {message}
        </p>
      )}
    </div>
  )
}
