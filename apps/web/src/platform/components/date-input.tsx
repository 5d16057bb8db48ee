import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react'

/** A value a date input can hold while the user is still typing the year ("0002-05-01"). */
const isPlausible = (v: string) => v === '' || /^(19|20|21)\d\d-\d\d-\d\d$/.test(v)

export type CommitDateInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'type'
> & {
  /** The applied value (`YYYY-MM-DD` or ''). */
  value: string
  /** Called with the new value when the user leaves the field, presses Enter, or pauses on a complete date. */
  onCommit: (value: string) => void
  /** Pause (ms) after which a complete date is committed without leaving the field; 0 = only on blur/Enter. */
  delay?: number
  /** When false, clearing the field puts the applied value back instead of committing ''. */
  allowEmpty?: boolean
}

/**
 * `<input type="date">` that does not fire on every keystroke (typing "2025" passes through the
 * years 0002, 0020, 0202): it keeps its own text and commits once the date is complete.
 */
export const CommitDateInput = ({
  value,
  onCommit,
  delay = 0,
  allowEmpty = true,
  onBlur,
  onKeyDown,
  ...rest
}: CommitDateInputProps) => {
  const [text, setText] = useState(value)
  const [applied, setApplied] = useState(value)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const onCommitRef = useRef(onCommit)
  useEffect(() => {
    onCommitRef.current = onCommit
  }, [onCommit])
  useEffect(() => () => clearTimeout(timer.current), [])

  if (value !== applied) {
    setApplied(value)
    setText(value)
  }

  const commit = (next: string) => {
    clearTimeout(timer.current)
    if (next === '' && !allowEmpty) {
      setText(value)
      return
    }
    if (next !== value && isPlausible(next)) onCommitRef.current(next)
  }

  return (
    <input
      {...rest}
      type="date"
      value={text}
      onChange={(e) => {
        const next = e.target.value
        setText(next)
        clearTimeout(timer.current)
        if (delay > 0 && isPlausible(next)) timer.current = setTimeout(() => commit(next), delay)
      }}
      onBlur={(e) => {
        commit(text)
        onBlur?.(e)
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          commit(text)
        }
        onKeyDown?.(e)
      }}
    />
  )
}
