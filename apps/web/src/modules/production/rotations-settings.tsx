/**
 * Configuración → superintendents and the rotation of each site (docs/production.md#superintendent-rotation):
 * the organization's superintendents (add, rename, deactivate) and, for a site, its rotations by the day A
 * starts (A, B, days per shift; a new start date changes the rotation from that day). Permission
 * `production.configure`; read-only for the rest.
 */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TRotation, TSuperintendent } from '@faena/contracts'
import { Button, ConfirmDialog, EmptyState, Icon, StatusBadge, useToast } from '../../platform/components'
import { SettingsSection } from './settings-section'
import { useCan, useFormat } from '../../platform/session'
import {
  allSitesQuery,
  rotationsQuery,
  superintendentsQuery,
  useDeleteRotation,
  useUpdateSuperintendent,
} from './monthly-api'
import { RotationDialog } from './rotation-dialog'
import { SuperintendentDialog } from './superintendent-dialog'
import './monthly.css'

export function RotationsSettings({ siteId: initialSite }: { siteId?: string | undefined }) {
  const { t } = useTranslation(['production', 'platform'])
  const fmt = useFormat()
  const can = useCan()
  const toast = useToast()
  const editable = can('production.configure')
  const sites = useQuery(allSitesQuery())
  const sups = useQuery(superintendentsQuery())
  const [picked, setPicked] = useState<string | undefined>(initialSite)
  const siteId = picked ?? sites.data?.items[0]?.id
  const siteName = sites.data?.items.find((s) => s.id === siteId)?.name ?? ''
  const rotations = useQuery({ ...rotationsQuery(siteId ?? ''), enabled: Boolean(siteId) })
  const update = useUpdateSuperintendent()
  const remove = useDeleteRotation()
  const [nameDialog, setNameDialog] = useState<{ sup: TSuperintendent | null } | null>(null)
  const [rotationDialog, setRotationDialog] = useState(false)
  const [deleting, setDeleting] = useState<TRotation | null>(null)
  const list = sups.data?.items ?? []

  return (
    <SettingsSection
      id="rotations-title"
      title={t('rotation.title')}
      intro={t('rotation.intro')}
      editable={editable}
      readOnly={t('rotation.readOnly')}
    >
      <div className="rotations__grid">
        <div>
          <h3>{t('rotation.superintendents')}</h3>
          {list.length === 0 ? (
            <p className="muted">{t('rotation.noSuperintendents')}</p>
          ) : (
            <ul className="rotations__list" data-testid="superintendents">
              {list.map((s) => (
                <li key={s.id}>
                  <span>
                    <span className="cell-strong">{s.name}</span>
                    {s.active ? null : <StatusBadge>{t('rotation.inactive')}</StatusBadge>}
                  </span>
                  {editable ? (
                    <span className="production-settings__actions">
                      <Button size="sm" onClick={() => setNameDialog({ sup: s })}>
                        {t('platform:actions.edit')}
                      </Button>
                      <Button
                        size="sm"
                        loading={update.isPending && update.variables?.id === s.id}
                        onClick={() =>
                          update.mutate(
                            { id: s.id, active: !s.active },
                            {
                              onSuccess: () => toast.success(t('rotation.superintendentSaved')),
                              onError: (e) => toast.failure(e),
                            },
                          )
                        }
                      >
                        {s.active ? t('rotation.deactivate') : t('rotation.activate')}
                      </Button>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {editable ? (
            <Button icon={<Icon name="plus" />} onClick={() => setNameDialog({ sup: null })}>
              {t('rotation.add')}
            </Button>
          ) : null}
        </div>
        <div>
          <label className="production__field">
            <span>{t('rotation.site')}</span>
            <select
              className="input"
              value={siteId ?? ''}
              data-testid="rotation-site"
              onChange={(e) => setPicked(e.target.value)}
            >
              {(sites.data?.items ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <h3>{t('rotation.rotations', { site: siteName })}</h3>
          {!siteId ? (
            <p className="muted">{t('rotation.pickSite')}</p>
          ) : rotations.data?.items.length === 0 ? (
            <EmptyState title={t('rotation.noRotations')} />
          ) : (
            <ul className="rotations__list" data-testid="rotations">
              {(rotations.data?.items ?? []).map((r) => (
                <li key={r.id}>
                  <span>
                    <span className="cell-strong">{fmt.date(r.startDate)}</span>
                    <span>
                      A: {r.superintendentA.name} · B: {r.superintendentB.name} · {r.cycleDays}×{r.cycleDays}
                    </span>
                  </span>
                  {editable ? (
                    <Button size="sm" onClick={() => setDeleting(r)}>
                      {t('platform:actions.delete')}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {editable && siteId ? (
            <Button
              variant="primary"
              icon={<Icon name="plus" />}
              disabled={list.filter((s) => s.active).length < 2}
              onClick={() => setRotationDialog(true)}
            >
              {t('rotation.addRotation')}
            </Button>
          ) : null}
        </div>
      </div>
      {nameDialog ? <SuperintendentDialog sup={nameDialog.sup} onClose={() => setNameDialog(null)} /> : null}
      {rotationDialog && siteId ? (
        <RotationDialog
          siteId={siteId}
          siteName={siteName}
          sups={list}
          onClose={() => setRotationDialog(false)}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('rotation.deleteTitle', { date: fmt.date(deleting?.startDate) })}
        confirmLabel={t('platform:actions.delete')}
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.success(t('rotation.deleted'))
              setDeleting(null)
            },
            onError: (e) => {
              setDeleting(null)
              toast.failure(e)
            },
          })
        }
      >
        <p>{t('rotation.deleteBody')}</p>
      </ConfirmDialog>
    </SettingsSection>
  )
}
