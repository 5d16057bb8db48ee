import type { ButtonHTMLAttributes, ReactNode } from 'react'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger'

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant
  size?: 'sm' | 'md'
  /** Shows a spinner, disables the button and sets aria-busy. */
  loading?: boolean
  icon?: ReactNode
}

/** `type="button"` unless told otherwise, so a button never submits a form by accident. */
export const Button = ({
  variant = 'secondary',
  size = 'md',
  loading = false,
  icon,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps) => (
  <button
    {...rest}
    type={type}
    disabled={disabled || loading}
    aria-busy={loading || undefined}
    className={['btn', `btn--${variant}`, size === 'sm' ? 'btn--sm' : '', className ?? '']
      .filter(Boolean)
      .join(' ')}
  >
    {loading ? <span className="spinner" aria-hidden="true" /> : icon}
    {children}
  </button>
)

/** Class names to style a router `<Link>` as a button. */
export const buttonClass = (variant: ButtonVariant = 'secondary', size: 'sm' | 'md' = 'md') =>
  ['btn', `btn--${variant}`, size === 'sm' ? 'btn--sm' : ''].filter(Boolean).join(' ')
