import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import {
  ZEstimateSettingsRequest,
  ZRetentionSetting,
  type TEstimateSettings,
  type TEstimateSettingsRequest,
} from '@faena/contracts'
import { Button, Dialog, FormField } from '../../platform/components'
import { ServerFormError, intFromText } from '../../platform/components/record-form'
import { api } from '../../platform/api'
import { useZodForm } from '../../platform/validation'
import { decimalText } from './form-text'

/** The contract's settings, typed into text inputs: a blank amount or percent is 0. */
const ZSettingsForm = ZEstimateSettingsRequest.extend({
  ivaPercent: decimalText(ZEstimateSettingsRequest.shape.ivaPercent, '0'),
  advanceMxn: decimalText(ZEstimateSettingsRequest.shape.advanceMxn, '0'),
  advanceUsd: decimalText(ZEstimateSettingsRequest.shape.advanceUsd, '0'),
  amortizationPercent: decimalText(ZEstimateSettingsRequest.shape.amortizationPercent, '0'),
  maxPeriodMonths: intFromText(ZEstimateSettingsRequest.shape.maxPeriodMonths),
  retentions: z
    .array(ZRetentionSetting.extend({ percent: decimalText(ZRetentionSetting.shape.percent, '0') }))
    .max(20),
})
type Retention = z.input<typeof ZSettingsForm>['retentions'][number]

/** The family's deductions and IVA (docs/estimates.md#lines-and-totals): a contract sets its own. */
export const SettingsDialog = ({ workOrderId, onClose }: { workOrderId: string; onClose: () => void }) => {
  const { t } = useTranslation('estimates')
  const q = useQuery({
    queryKey: ['estimates', 'settings', workOrderId],
    queryFn: ({ signal }) =>
      api.get('/api/v1/estimates/settings/{workOrderId}', { path: { workOrderId }, signal }),
  })
  return (
    <Dialog open onClose={onClose} title={t('settings.title')} size="lg">
      {q.data ? <SettingsForm s={q.data} onClose={onClose} /> : <p className="muted">…</p>}
    </Dialog>
  )
}

const SettingsForm = ({ s, onClose }: { s: TEstimateSettings; onClose: () => void }) => {
  const { t } = useTranslation(['estimates', 'platform'])
  const qc = useQueryClient()
  const form = useZodForm(ZSettingsForm, {
    ivaPercent: s.ivaPercent,
    advanceMxn: s.advanceMxn,
    advanceUsd: s.advanceUsd,
    amortizationPercent: s.amortizationPercent,
    maxPeriodMonths: String(s.maxPeriodMonths),
    retentions: s.retentions,
  })
  const save = useMutation({
    mutationFn: (body: TEstimateSettingsRequest) =>
      api.put('/api/v1/estimates/settings/{workOrderId}', { path: { workOrderId: s.workOrderId }, body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['estimates'] })
      void qc.invalidateQueries({ queryKey: ['audit', 'list'] })
      onClose()
    },
  })
  const retentions = form.values.retentions
  const setRetentions = (next: Retention[]) => form.set('retentions', next)
  const setRetention = (i: number, patch: Partial<Retention>) =>
    setRetentions(retentions.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const decimal = (
    name: 'ivaPercent' | 'advanceMxn' | 'advanceUsd' | 'amortizationPercent',
    label: string,
  ) => (
    <FormField label={label} error={form.errors[name]}>
      {(c) => <input {...c} className="input" inputMode="decimal" {...form.register(name)} />}
    </FormField>
  )
  return (
    <form onSubmit={form.submit((data) => save.mutate(data, { onError: form.applyServerError }))} noValidate>
      <div className="estimate__selection">
        {decimal('ivaPercent', t('settings.iva'))}
        {decimal('advanceMxn', t('settings.advanceMxn'))}
        {decimal('advanceUsd', t('settings.advanceUsd'))}
        {decimal('amortizationPercent', t('settings.amortization'))}
        <FormField label={t('settings.months')} error={form.errors.maxPeriodMonths}>
          {(c) => (
            <input
              {...c}
              className="input"
              type="number"
              min={1}
              max={12}
              {...form.register('maxPeriodMonths')}
            />
          )}
        </FormField>
      </div>
      <h3>{t('settings.retentions')}</h3>
      {retentions.map((r, i) => (
        <div className="estimate__selection" key={i}>
          <FormField label={t('settings.code')} error={form.errors[`retentions.${i}.code`]}>
            {(c) => (
              <input
                {...c}
                className="input"
                value={r.code}
                onChange={(e) => setRetention(i, { code: e.target.value })}
              />
            )}
          </FormField>
          <FormField
            label={t('settings.name')}
            className="estimate__reason"
            error={form.errors[`retentions.${i}.name`]}
          >
            {(c) => (
              <input
                {...c}
                className="input"
                value={r.name}
                onChange={(e) => setRetention(i, { name: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t('settings.percent')} error={form.errors[`retentions.${i}.percent`]}>
            {(c) => (
              <input
                {...c}
                className="input"
                inputMode="decimal"
                value={r.percent}
                onChange={(e) => setRetention(i, { percent: e.target.value })}
              />
            )}
          </FormField>
          <Button type="button" size="sm" onClick={() => setRetentions(retentions.filter((_, j) => j !== i))}>
            {t('detail.remove')}
          </Button>
        </div>
      ))}
      <Button
        type="button"
        size="sm"
        onClick={() =>
          setRetentions([
            ...retentions,
            { code: '5_al_millar', name: t('settings.fiveAlMillar'), percent: '0.5' },
          ])
        }
      >
        {t('settings.addRetention')}
      </Button>
      <ServerFormError error={save.error} errors={form.errors} />
      <div className="estimate__actions estimate__footer">
        <Button type="button" onClick={onClose}>
          {t('platform:actions.cancel')}
        </Button>
        <Button type="submit" variant="primary" disabled={save.isPending}>
          {t('platform:actions.save')}
        </Button>
      </div>
    </form>
  )
}
