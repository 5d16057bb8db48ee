import { useState } from 'react'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TEstimateSettings, TEstimateSettingsRequest, TRetentionSetting } from '@faena/contracts'
import { Button, Dialog, FormError, FormField } from '../../platform/components'
import { api } from '../../platform/api'
import { errorMessage } from '../../platform/errors'

const num = (v: string) => v.trim().replace(',', '.') || '0'

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
  const [iva, setIva] = useState(s.ivaPercent)
  const [advanceMxn, setAdvanceMxn] = useState(s.advanceMxn)
  const [advanceUsd, setAdvanceUsd] = useState(s.advanceUsd)
  const [amortization, setAmortization] = useState(s.amortizationPercent)
  const [months, setMonths] = useState(String(s.maxPeriodMonths))
  const [retentions, setRetentions] = useState<TRetentionSetting[]>(s.retentions)
  const [error, setError] = useState<string | null>(null)
  const save = useMutation({
    mutationFn: (body: TEstimateSettingsRequest) =>
      api.put('/api/v1/estimates/settings/{workOrderId}', { path: { workOrderId: s.workOrderId }, body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['estimates'] })
      void qc.invalidateQueries({ queryKey: ['audit', 'list'] })
      onClose()
    },
    onError: (e) => setError(errorMessage(e)),
  })
  const setRetention = (i: number, patch: Partial<TRetentionSetting>) =>
    setRetentions((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault()
        save.mutate({
          ivaPercent: num(iva),
          advanceMxn: num(advanceMxn),
          advanceUsd: num(advanceUsd),
          amortizationPercent: num(amortization),
          maxPeriodMonths: Number(months) || 1,
          retentions: retentions.map((r) => ({ ...r, percent: num(r.percent) })),
        })
      }}
    >
      <div className="estimate__selection">
        <FormField label={t('settings.iva')}>
          {(c) => (
            <input
              {...c}
              className="input"
              inputMode="decimal"
              value={iva}
              onChange={(e) => setIva(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('settings.advanceMxn')}>
          {(c) => (
            <input
              {...c}
              className="input"
              inputMode="decimal"
              value={advanceMxn}
              onChange={(e) => setAdvanceMxn(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('settings.advanceUsd')}>
          {(c) => (
            <input
              {...c}
              className="input"
              inputMode="decimal"
              value={advanceUsd}
              onChange={(e) => setAdvanceUsd(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('settings.amortization')}>
          {(c) => (
            <input
              {...c}
              className="input"
              inputMode="decimal"
              value={amortization}
              onChange={(e) => setAmortization(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('settings.months')}>
          {(c) => (
            <input
              {...c}
              className="input"
              type="number"
              min={1}
              max={12}
              value={months}
              onChange={(e) => setMonths(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <h3>{t('settings.retentions')}</h3>
      {retentions.map((r, i) => (
        <div className="estimate__selection" key={i}>
          <FormField label={t('settings.code')}>
            {(c) => (
              <input
                {...c}
                className="input"
                value={r.code}
                onChange={(e) => setRetention(i, { code: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t('settings.name')} className="estimate__reason">
            {(c) => (
              <input
                {...c}
                className="input"
                value={r.name}
                onChange={(e) => setRetention(i, { name: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t('settings.percent')}>
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
          <Button type="button" size="sm" onClick={() => setRetentions((rs) => rs.filter((_, j) => j !== i))}>
            {t('detail.remove')}
          </Button>
        </div>
      ))}
      <Button
        type="button"
        size="sm"
        onClick={() =>
          setRetentions((rs) => [
            ...rs,
            { code: '5_al_millar', name: t('settings.fiveAlMillar'), percent: '0.5' },
          ])
        }
      >
        {t('settings.addRetention')}
      </Button>
      <FormError>{error}</FormError>
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
