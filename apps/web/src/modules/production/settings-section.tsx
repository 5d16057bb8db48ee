/**
 * A section of the production **Configuración** tab: its title and intro, then the add button when the user
 * may edit, else the read-only note; the section's table or editor below.
 */
import type { ReactNode } from 'react'
import { Button, Icon } from '../../platform/components'

export function SettingsSection({
  id,
  title,
  intro,
  editable,
  readOnly,
  add,
  children,
}: {
  id: string
  title: string
  intro: string
  editable: boolean
  readOnly: string
  /** the add button (editable only) */
  add?: { label: string; onClick: () => void }
  children: ReactNode
}) {
  return (
    <section className="production-settings__section" aria-labelledby={id}>
      <header className="production-settings__head">
        <div>
          <h2 id={id}>{title}</h2>
          <p className="muted">{intro}</p>
        </div>
        {!editable ? (
          <p className="muted">{readOnly}</p>
        ) : add ? (
          <Button variant="primary" icon={<Icon name="plus" />} onClick={add.onClick}>
            {add.label}
          </Button>
        ) : null}
      </header>
      {children}
    </section>
  )
}
