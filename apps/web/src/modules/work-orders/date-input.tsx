import { useState, type InputHTMLAttributes } from 'react'

/** A value a date input may hold while the year is still being typed ("0002-05-01"). */
const isPlausible = (v: string) => v === '' || /^(19|20|21)\d\d-\d\d-\d\d$/.test(v)

/**
 * `<input type="date">` for list filters: keeps its own text and commits when the user leaves the field
 * or presses Enter (typing "2025" would otherwise pass through the years 0002, 0020, 0202).
 * (The proposals module has a fuller one; a shared one belongs in the platform.)
 */
export const DateFilterInput = ({
  value,
  onCommit,
  ...rest
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> & {
  value: string
  onCommit: (value: string) => void
}) => {
  const [text, setText] = useState(value)
  const [applied, setApplied] = useState(value)
  if (value !== applied) {
    setApplied(value)
    setText(value)
  }
  const commit = () => {
    if (text !== value && isPlausible(text)) onCommit(text)
  }
  return (
    <input
      {...rest}
      type="date"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault()
          commit()
        }
      }}
    />
  )
}
