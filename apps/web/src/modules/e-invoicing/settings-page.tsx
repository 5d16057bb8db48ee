import { useMemo, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { ZEInvoicingSettingsInput, type TEInvoicingSettings } from '@faena/contracts'
import {
  Button,
  ErrorState,
  FormError,
  FormField,
  PageHeader,
  PagePending,
  UnsavedChangesGuard,
  useToast,
} from '../../platform/components'
import { errorMessage } from '../../platform/errors'
import { useFormat } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
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

const In = ZEInvoicingSettingsInput.shape

/** A contract field with the screen's own message (the contract's names the field for the API). */
const withMessage = <T,>(schema: z.ZodType<T, string>, message: string) =>
  z.string().transform((v, ctx) => {
    const r = schema.safeParse(v)
    if (r.success) return r.data
    ctx.addIssue({ code: 'custom', message })
    return z.NEVER
  })

/**
 * The settings form: the contract's text fields (with the screen's messages), the certificate file and its
 * password; a first configuration needs a certificate, and a new certificate needs its password.
 */
export const settingsFormSchema = (
  t: (key: 'settings.errors.ruc' | 'settings.errors.code' | 'platform:validation.required') => string,
  configured: boolean,
) =>
  z
    .object({
      ruc: withMessage(In.ruc, t('settings.errors.ruc')),
      establishment: withMessage(In.establishment, t('settings.errors.code')),
      emissionPoint: withMessage(In.emissionPoint, t('settings.errors.code')),
      environment: In.environment,
      businessName: In.businessName.unwrap(),
      tradeName: In.tradeName.unwrap(),
      mainAddress: In.mainAddress.unwrap(),
      keepsAccounts: z.boolean(),
      password: z.string(),
      certificate: z
        .instanceof(File)
        .nullable()
        .refine((f) => configured || f !== null, { error: t('platform:validation.required') }),
    })
    .refine((v) => !v.certificate || v.password !== '', {
      path: ['password'],
      error: t('platform:validation.required'),
    })

const SettingsForm = ({ saved }: { saved: TEInvoicingSettings | null }) => {
  const { t } = useTranslation(['e-invoicing', 'platform'])
  const fmt = useFormat()
  const toast = useToast()
  const save = useSaveEInvoicingSettings()
  const schema = useMemo(() => settingsFormSchema(t, !!saved), [t, saved])
  const form = useZodForm(schema, {
    ruc: saved?.ruc ?? '',
    businessName: saved?.businessName ?? '',
    tradeName: saved?.tradeName ?? '',
    mainAddress: saved?.mainAddress ?? '',
    establishment: saved?.establishment ?? '001',
    emissionPoint: saved?.emissionPoint ?? '001',
    environment: saved?.environment ?? 'test',
    keepsAccounts: saved?.keepsAccounts ?? true,
    password: '',
    certificate: null,
  })
  const [formError, setFormError] = useState<string | null>(null)
  const errors = form.errors

  const submit = form.submit(({ certificate, password, keepsAccounts, ...text }) => {
    setFormError(null)
    const fields: Record<string, string> = {
      ...text,
      keepsAccounts: String(keepsAccounts),
      ...(certificate ? { password } : {}),
    }
    save.mutate(
      { fields, certificate },
      {
        onSuccess: () => toast.success(t('settings.saved')),
        onError: (err) => {
          if (!form.applyServerError(err)) setFormError(errorMessage(err))
        },
      },
    )
  })

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
      {(p) => <input {...p} className="input" {...form.register(k)} />}
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
      <form noValidate onSubmit={submit}>
        <UnsavedChangesGuard when={form.isDirty && !save.isPending} />
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
              <select {...p} className="input" {...form.register('environment')}>
                <option value="test">{t('settings.environments.test')}</option>
                <option value="production">{t('settings.environments.production')}</option>
              </select>
            )}
          </FormField>
          <label className="checkbox">
            <input type="checkbox" {...form.register('keepsAccounts')} /> {t('settings.keepsAccounts')}
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
                onChange={(e) => form.set('certificate', e.target.files?.[0] ?? null)}
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
                {...form.register('password')}
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
