import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ZVaccineInput, type TVaccine } from '@faena/contracts'
import { Button, FormError, FormField, Icon, useToast } from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { useAddVaccine, useDeleteVaccine } from './api'
import { RemoveConfirm } from './ui'

/** A person's vaccines, dose by dose. */
export const VaccinesPanel = ({
  staffId,
  vaccines,
  canManage,
}: {
  staffId: string
  vaccines: TVaccine[]
  canManage: boolean
}) => {
  const { t } = useTranslation(['field-staff', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const add = useAddVaccine(staffId)
  const remove = useDeleteVaccine(staffId)
  const form = useZodForm(ZVaccineInput, { vaccine: '', doseNumber: '1', appliedOn: '' })
  const [error, setError] = useState<string | null>(null)
  const [removing, setRemoving] = useState<TVaccine | null>(null)
  const submit = form.submit((body) => {
    setError(null)
    add.mutate(body, {
      onSuccess: () => {
        toast.success(t('vaccines.added'))
        form.reset({ vaccine: form.values.vaccine, doseNumber: String(body.doseNumber + 1), appliedOn: '' })
      },
      onError: (e) => {
        if (!form.applyServerError(e)) setError(errorMessage(e))
      },
    })
  })
  return (
    <section className="card" aria-labelledby="fs-vaccines">
      <div className="fs-panel__head">
        <h2 id="fs-vaccines" className="section-title">
          {t('vaccines.title')}
        </h2>
      </div>
      {vaccines.length === 0 ? (
        <p className="muted">{t('vaccines.empty')}</p>
      ) : (
        <table className="fs-table">
          <thead>
            <tr>
              <th scope="col">{t('vaccines.fields.vaccine')}</th>
              <th scope="col">{t('vaccines.fields.doseNumber')}</th>
              <th scope="col">{t('vaccines.fields.appliedOn')}</th>
              {canManage ? <th scope="col" aria-label={t('common.remove')} /> : null}
            </tr>
          </thead>
          <tbody>
            {vaccines.map((x) => (
              <tr key={x.id}>
                <td>{x.vaccine}</td>
                <td>{x.doseNumber}</td>
                <td>{fmt.date(x.appliedOn)}</td>
                {canManage ? (
                  <td className="fs-actions">
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => setRemoving(x)}
                      aria-label={t('vaccines.deleteTitle', { dose: x.doseNumber, vaccine: x.vaccine })}
                    >
                      <Icon name="close" />
                    </Button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage ? (
        <form className="fs-inline-form" noValidate onSubmit={submit}>
          <FormField label={t('vaccines.fields.vaccine')} error={form.errors.vaccine} required>
            {(p) => <input {...p} className="input" {...form.register('vaccine')} />}
          </FormField>
          <FormField label={t('vaccines.fields.doseNumber')} error={form.errors.doseNumber}>
            {(p) => (
              <input
                {...p}
                className="input"
                type="number"
                min={1}
                max={10}
                {...form.register('doseNumber')}
              />
            )}
          </FormField>
          <FormField label={t('vaccines.fields.appliedOn')} error={form.errors.appliedOn} required>
            {(p) => <input {...p} className="input" type="date" {...form.register('appliedOn')} />}
          </FormField>
          <Button type="submit" loading={add.isPending} icon={<Icon name="plus" />}>
            {t('vaccines.add')}
          </Button>
        </form>
      ) : null}
      <FormError>{error}</FormError>
      <RemoveConfirm
        removing={removing}
        setRemoving={setRemoving}
        remove={remove}
        title={t('vaccines.deleteTitle', {
          dose: removing?.doseNumber ?? '',
          vaccine: removing?.vaccine ?? '',
        })}
        done={t('vaccines.deleted')}
        setError={setError}
      />
    </section>
  )
}
