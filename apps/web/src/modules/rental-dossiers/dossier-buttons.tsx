import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PROJECT_DOSSIER_SCOPES, type TProjectDossierScope } from '@faena/contracts'
import { JobExportButton } from '../../platform/components'
import './rental-dossiers.css'

/**
 * The dossier (expediente) of a billing sheet: one PDF with the sheet, its certificate, its invoice and every
 * custody chain (scan or generated), built by a job on the server (docs/rental-dossiers.md); the button shows
 * its progress and downloads the PDF when it is done.
 */
export const SheetDossierButton = ({ sheetId }: { sheetId: string }) => {
  const { t } = useTranslation('rental-dossiers')
  return (
    <JobExportButton
      url={`/api/v1/rental/billing-sheets/${sheetId}/dossier`}
      body={{}}
      label={t('sheetButton')}
      doneMessage={t('sheetDone')}
      size="md"
      testId="sheet-dossier"
    />
  )
}

/** The project's uploaded files in one PDF, for the chosen scope (all, sheet files, chains, guides). */
export const ProjectDossierButton = ({ projectId }: { projectId: string }) => {
  const { t } = useTranslation('rental-dossiers')
  const [scope, setScope] = useState<TProjectDossierScope>('all')
  const id = useId()
  return (
    <span className="rd-dossier">
      <label htmlFor={id} className="visually-hidden">
        {t('scope')}
      </label>
      <select
        id={id}
        className="input input--sm"
        value={scope}
        title={t('scope')}
        onChange={(e) => setScope(e.target.value as TProjectDossierScope)}
        data-testid="project-dossier-scope"
      >
        {PROJECT_DOSSIER_SCOPES.map((s) => (
          <option key={s} value={s}>
            {t(`scopes.${s}`)}
          </option>
        ))}
      </select>
      <JobExportButton
        url={`/api/v1/rental/projects/${projectId}/dossier`}
        body={{ scope }}
        label={t('projectButton')}
        doneMessage={t('projectDone')}
        size="md"
        testId="project-dossier"
      />
    </span>
  )
}
