/**
 * The organization's compliance document kinds (`/rental/compliance/kinds`; docs/field-staff.md#document-kinds):
 * the technicians' and the vehicles' kinds, added, renamed and deactivated by whoever has fieldStaff.manage.
 * The licence and the registration are checked by the field documents and stay active.
 */
import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  COMPLIANCE_OWNER_KINDS,
  ZComplianceKindInput,
  type TComplianceKind,
  type TComplianceKindPatch,
  type TComplianceOwnerKind,
} from '@faena/contracts'
import { api } from '../../platform/api'
import { Button, FormField, PageHeader, useToast } from '../../platform/components'
import { fieldErrors as fieldErrorsOf, useZodForm } from '../../platform/validation'
import { useCan } from '../../platform/session'
import { fieldStaffKeys, kindsQuery } from './api'

const useKindMutations = () => {
  const qc = useQueryClient()
  const refresh = () => qc.invalidateQueries({ queryKey: fieldStaffKeys.all })
  const create = useMutation({
    mutationFn: (body: { ownerKind: TComplianceOwnerKind; name: string }) =>
      api.post('/api/v1/rental/compliance/kinds', { body }),
    onSuccess: refresh,
  })
  const update = useMutation({
    mutationFn: ({ id, body }: { id: string; body: TComplianceKindPatch }) =>
      api.patch('/api/v1/rental/compliance/kinds/{kindId}', { path: { kindId: id }, body }),
    onSuccess: refresh,
  })
  return { create, update }
}

/** One kind: its name (editable), whether the field documents check it, active or not. */
const KindRow = ({ kind, canManage }: { kind: TComplianceKind; canManage: boolean }) => {
  const { t } = useTranslation('field-staff')
  const toast = useToast()
  const { update } = useKindMutations()
  const [name, setName] = useState(kind.name)
  const [error, setError] = useState<string | undefined>()
  const save = (body: TComplianceKindPatch, done: string) =>
    update.mutate(
      { id: kind.id, body },
      {
        onSuccess: () => {
          setError(undefined)
          toast.success(done)
        },
        onError: (e) => {
          const fields = fieldErrorsOf(e)
          if (fields.name || fields.active) setError(fields.name ?? fields.active)
          else toast.failure(e)
        },
      },
    )
  return (
    <tr data-testid={`kind-${kind.code}`} className={kind.active ? undefined : 'muted'}>
      <td>
        {canManage ? (
          <form
            className="fs-kind__rename"
            onSubmit={(e) => {
              e.preventDefault()
              if (name.trim() && name.trim() !== kind.name) save({ name: name.trim() }, t('kinds.renamed'))
            }}
          >
            <input
              className="input input--sm"
              aria-label={t('kinds.nameOf', { name: kind.name })}
              aria-invalid={error ? true : undefined}
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
            {name.trim() !== kind.name ? (
              <Button type="submit" size="sm" disabled={!name.trim() || update.isPending}>
                {t('kinds.rename')}
              </Button>
            ) : null}
          </form>
        ) : (
          kind.name
        )}
        {error ? <p className="field__error">{error}</p> : null}
      </td>
      <td>{kind.gate ? t(`kinds.gates.${kind.gate}`) : '—'}</td>
      <td>{kind.active ? t('kinds.active') : t('kinds.inactive')}</td>
      <td>
        {canManage && !kind.gate ? (
          <Button
            size="sm"
            variant="ghost"
            disabled={update.isPending}
            onClick={() =>
              save({ active: !kind.active }, kind.active ? t('kinds.deactivated') : t('kinds.activated'))
            }
          >
            {kind.active ? t('kinds.deactivate') : t('kinds.activate')}
          </Button>
        ) : null}
      </td>
    </tr>
  )
}

export const KindsPage = () => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const can = useCan()
  const canManage = can('fieldStaff.manage')
  const toast = useToast()
  const kinds = useQuery(kindsQuery())
  const { create } = useKindMutations()
  const form = useZodForm(ZComplianceKindInput, { ownerKind: 'staff', name: '' })
  const add = form.submit((body) =>
    create.mutate(body, {
      onSuccess: () => {
        form.reset({ ownerKind: body.ownerKind, name: '' })
        toast.success(t('kinds.created'))
      },
      onError: (e) => {
        if (!form.applyServerError(e)) toast.failure(e)
      },
    }),
  )
  return (
    <div className="page">
      <PageHeader title={t('kinds.title')} subtitle={t('kinds.subtitle')} />
      {canManage ? (
        <section className="card">
          <h2 className="section-title">{t('kinds.new')}</h2>
          <form className="form-grid" noValidate onSubmit={add}>
            <FormField label={t('report.ownerKind')} error={form.errors.ownerKind}>
              {(p) => (
                <select {...p} className="input" data-testid="kind-owner" {...form.register('ownerKind')}>
                  {COMPLIANCE_OWNER_KINDS.map((o) => (
                    <option key={o} value={o}>
                      {t(`report.ownerKinds.${o}`)}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <FormField label={t('kinds.name')} error={form.errors.name} required>
              {(p) => (
                <input
                  {...p}
                  className="input"
                  maxLength={100}
                  data-testid="kind-name"
                  {...form.register('name')}
                />
              )}
            </FormField>
            <div>
              <Button type="submit" variant="primary" disabled={create.isPending} data-testid="kind-add">
                {t('kinds.add')}
              </Button>
            </div>
          </form>
        </section>
      ) : null}
      {COMPLIANCE_OWNER_KINDS.map((o) => (
        <section key={o} className="card card--flush">
          <table className="table">
            <caption className="section-title">{t(`kinds.of.${o}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('kinds.name')}</th>
                <th scope="col">{t('kinds.gate')}</th>
                <th scope="col">{t('kinds.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('kinds.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {(kinds.data ?? [])
                .filter((k) => k.ownerKind === o)
                .map((k) => (
                  <KindRow key={k.id} kind={k} canManage={canManage} />
                ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  )
}
