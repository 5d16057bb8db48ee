import { useState } from 'react'
import { useNavigate, useSearch } from '@tanstack/react-router'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { ZLoginRequest, type TLoginRequest } from '@faena/contracts'
import { api, isApiError } from '../api'
import { Button } from '../components/button'
import { FormError, FormField } from '../components/form-field'
import { errorMessage, errorReference } from '../errors'
import { LanguageSwitch } from '../layout/language-switch'
import { ME_QUERY_KEY, meQueryOptions, syncLanguageAfterLogin } from '../session'
import { useZodForm } from '../validation'

export const LoginPage = () => {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  const search = useSearch({ from: '/login' })
  const form = useZodForm(ZLoginRequest, { email: '', password: '' })
  // asked for only when the e-mail has accounts in several organizations and the password fits more than one
  const [askOrganization, setAskOrganization] = useState(false)
  const [formError, setFormError] = useState<{ message: string; ref?: string | undefined } | null>(
    search.expired ? { message: t('login.sessionExpired') } : null,
  )

  const login = useMutation({
    mutationFn: (body: TLoginRequest) => api.post('/api/v1/auth/login', { body, skipAuthRedirect: true }),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: ME_QUERY_KEY })
      const me = await queryClient.fetchQuery(meQueryOptions)
      await syncLanguageAfterLogin(queryClient, me)
      await navigate({ to: search.redirect ?? '/', replace: true })
    },
    onError: (error) => {
      if (isApiError(error) && (error.status === 401 || error.code === 'UNAUTHENTICATED')) {
        setFormError({ message: t('login.invalidCredentials') })
      } else if (isApiError(error) && (error.status === 429 || error.code === 'RATE_LIMITED')) {
        setFormError({ message: t('login.tooManyAttempts') })
      } else if (isApiError(error) && error.details.some((d) => d.path === 'organization')) {
        setAskOrganization(true)
        form.applyServerError(error)
        setFormError({ message: t('login.severalOrganizations') })
      } else if (!form.applyServerError(error)) {
        setFormError({ message: errorMessage(error), ref: errorReference(error) })
      } else {
        setFormError(null)
      }
    },
  })

  const submit = form.submit((data) => {
    setFormError(null)
    login.mutate(data)
  })

  return (
    <div className="login">
      <div className="login__lang">
        <LanguageSwitch />
      </div>
      <main className="login__card" id="main">
        <div className="login__brand">
          <span className="brand__mark brand__mark--lg" aria-hidden="true">
            F
          </span>
          <div>
            <p className="login__product">{t('app.name')}</p>
            <p className="login__tagline">{t('login.subtitle')}</p>
          </div>
        </div>
        <h1 className="login__title">{t('login.title')}</h1>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <FormError>
            {formError ? (
              <>
                {formError.message}
                {formError.ref ? (
                  <span className="form-error__ref">{t('errors.reference', { id: formError.ref })}</span>
                ) : null}
              </>
            ) : null}
          </FormError>
          <FormField label={t('login.email')} error={form.errors.email} required>
            {(p) => (
              <input
                {...p}
                className="input"
                type="email"
                name="email"
                autoComplete="username"
                inputMode="email"
                autoFocus
                value={form.values.email}
                onChange={(e) => form.set('email', e.target.value)}
              />
            )}
          </FormField>
          <FormField label={t('login.password')} error={form.errors.password} required>
            {(p) => (
              <input
                {...p}
                className="input"
                type="password"
                name="password"
                autoComplete="current-password"
                value={form.values.password}
                onChange={(e) => form.set('password', e.target.value)}
              />
            )}
          </FormField>
          {askOrganization ? (
            <FormField
              label={t('login.organization')}
              error={form.errors.organization}
              hint={t('login.organizationHint')}
              required
            >
              {(p) => (
                <input
                  {...p}
                  className="input"
                  name="organization"
                  autoComplete="organization"
                  autoFocus
                  value={form.values.organization ?? ''}
                  onChange={(e) => form.set('organization', e.target.value)}
                />
              )}
            </FormField>
          ) : null}
          <Button type="submit" variant="primary" className="btn--block" loading={login.isPending}>
            {login.isPending ? t('login.submitting') : t('login.submit')}
          </Button>
        </form>
      </main>
    </div>
  )
}
