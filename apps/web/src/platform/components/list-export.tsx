/** The "N results" count next to a list's filters (announced politely); nothing until the total is known. */
export const ListCount = ({
  total,
  label,
  className,
}: {
  total: number | undefined
  label: (count: number) => string
  className?: string
}) =>
  total === undefined ? null : (
    <span className={className ? `muted ${className}` : 'muted'} aria-live="polite">
      {label(total)}
    </span>
  )
