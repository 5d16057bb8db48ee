import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { TEInvoicingSettings } from '@faena/contracts'
import { isApiError } from '../../platform/api'
import {
  Button,
  ErrorState,
  FormError,
  FormField,
  PageHeader,
  PagePending,
  useToast,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { eInvoicingSettingsQuery, useSaveEInvoicingSettings } from './api'
import { CertificateExpiry } from './certificate-expiry'
import './e-invoicing.css'

/** Administración → Facturación electrónica (docs/e-invoicing.md): issuer data and signing certificate. */
export const EInvoicingSettingsPage = () => {
  const { t } = useTranslation('e-invoicing')
  const settings = useQuery(eInvoicingSettingsQuery())
  return (
    <div className="page">
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {settings.data ? (
        <SettingsForm key={settings.data.settings?.updatedAt ?? 'none'} saved={settings.data.settings} />
      ) : settings.error ? (
        <section className="card">
          <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
        </section>
      ) : (
        <PagePending />
      )}
    </div>
  )
}

type Values = {
  ruc: string
  businessName: string
  tradeName: string
  mainAddress: string
  establishment: string
  emissionPoint: string
  environment: 'test' | 'production'
  keepsAccounts: boolean
  password: string
}

const SettingsForm = ({ saved }: { saved: TEInvoicingSettings | null }) => {
  const { t } = useTranslation(['e-invoicing', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const save = useSaveEInvoicingSettings()
  const [v, setV] = useState<Values>({
    ruc: saved?.ruc ?? '',
    businessName: saved?.businessName ?? '',
    tradeName: saved?.tradeName ?? '',
    mainAddress: saved?.mainAddress ?? '',
    establishment: saved?.establishment ?? '001',
    emissionPoint: saved?.emissionPoint ?? '001',
    environment: saved?.environment ?? 'test',
    keepsAccounts: saved?.keepsAccounts ?? true,
    password: '',
  })
  const [file, setFile] = useState<File | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((old) => ({ ...old, [k]: value }))

  const submit = () => {
    setFormError(null)
    const e: Record<string, string> = {}
    if (!/^\d{10}001$/.test(v.ruc.trim())) e.ruc = t('settings.errors.ruc')
    if (!/^\d{3}$/.test(v.establishment.trim())) e.establishment = t('settings.errors.code')
    if (!/^\d{3}$/.test(v.emissionPoint.trim())) e.emissionPoint = t('settings.errors.code')
    if (!saved && !file) e.certificate = t('platform:validation.required')
    if (file && !v.password) e.password = t('platform:validation.required')
    setErrors(e)
    if (Object.keys(e).length > 0) return
    const fields: Record<string, string> = {
      ruc: v.ruc.trim(),
      establishment: v.establishment.trim(),
      emissionPoint: v.emissionPoint.trim(),
      environment: v.environment,
      keepsAccounts: String(v.keepsAccounts),
      businessName: v.businessName.trim(),
      tradeName: v.tradeName.trim(),
      mainAddress: v.mainAddress.trim(),
      ...(file ? { password: v.password } : {}),
    }
    save.mutate(
      { fields, certificate: file },
      {
        onSuccess: () => toast.success(t('settings.saved')),
        onError: (err) => {
          if (isApiError(err) && err.details.length > 0) {
            const fe: Record<string, string> = {}
            for (const d of err.details) fe[d.path] ??= d.message
            setErrors(fe)
          } else setFormError(errorMessage(err))
        },
      },
    )
  }

  const text = (
    k: 'ruc' | 'businessName' | 'tradeName' | 'mainAddress' | 'establishment' | 'emissionPoint',
    hint?: string,
  ) => (
    <FormField
      label={t(`settings.${k}`)}
      error={errors[k]}
      hint={hint}
      required={['ruc', 'establishment', 'emissionPoint'].includes(k)}
    >
      {(p) => <input {...p} className="input" value={v[k]} onChange={(e) => set(k, e.target.value)} />}
    </FormField>
  )

  return (
    <section className="card" aria-labelledby="einv-settings">
      <h2 id="einv-settings" className="section-title">
        {t('settings.title')}
      </h2>
      {saved ? (
        <>
          <p className="muted">{t('settings.updatedAt', { at: fmt.dateTime(saved.updatedAt) })}</p>
          <dl className="einv-dl" data-testid="e-invoicing-certificate">
            <div>
              <dt>{t('settings.subject')}</dt>
              <dd>{saved.certificate.subject}</dd>
            </div>
            <div>
              <dt>{t('settings.serial')}</dt>
              <dd className="mono">{saved.certificate.serialNumber}</dd>
            </div>
            <div>
              <dt>{t('settings.expiresAt')}</dt>
              <dd>
                <CertificateExpiry certificate={saved.certificate} />
              </dd>
            </div>
          </dl>
          {saved.certificate.isTest ? (
            <p className="form-error" role="note">
              {t('settings.testCertificate')}
            </p>
          ) : null}
          <p className="muted">
            {saved.sriClient === 'fake' ? t('settings.sriFake') : t('settings.sriReal')}
          </p>
        </>
      ) : (
        <p className="form-error" role="status">
          {t('settings.notConfigured')}
        </p>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <FormError>{formError}</FormError>
        <div className="form-grid">
          {text('ruc')}
          {text('businessName', t('settings.businessNameHint'))}
          {text('tradeName')}
          {text('mainAddress')}
          {text('establishment')}
          {text('emissionPoint')}
          <FormField label={t('settings.environment')} error={errors.environment} required>
            {(p) => (
              <select
                {...p}
                className="input"
                value={v.environment}
                onChange={(e) => set('environment', e.target.value as Values['environment'])}
              >
                <option value="test">{t('settings.environments.test')}</option>
                <option value="production">{t('settings.environments.production')}</option>
              </select>
            )}
          </FormField>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={v.keepsAccounts}
              onChange={(e) => set('keepsAccounts', e.target.checked)}
            />{' '}
            {t('settings.keepsAccounts')}
          </label>
          <FormField
            label={t('settings.certificate')}
            error={errors.certificate}
            hint={t('settings.certificateHint')}
          >
            {(p) => (
              <input
                {...p}
                type="file"
                className="input"
                accept=".p12,.pfx,application/x-pkcs12"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </FormField>
          <FormField label={t('settings.password')} error={errors.password} hint={t('settings.passwordHint')}>
            {(p) => (
              <input
                {...p}
                type="password"
                className="input"
                autoComplete="new-password"
                value={v.password}
                onChange={(e) => set('password', e.target.value)}
              />
            )}
          </FormField>
        </div>
        <div className="einv-actions">
          <Button type="submit" variant="primary" loading={save.isPending}>
            {t('settings.save')}
          </Button>
        </div>
      </form>
    </section>
  )
}
