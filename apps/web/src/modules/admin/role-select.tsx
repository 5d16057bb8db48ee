import { useTranslation } from 'react-i18next'
import { ROLES, type TRole } from '@faena/contracts'

/** The role picker of the user dialogs. */
export const RoleSelect = ({
  value,
  onChange,
  disabled,
  ...aria
}: {
  value: TRole
  onChange: (r: TRole) => void
  disabled?: boolean
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}) => {
  const { t } = useTranslation()
  return (
    <select
      {...aria}
      className="input"
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.target.value as TRole)}
    >
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {t(`roles.${r}`)}
        </option>
      ))}
    </select>
  )
}
