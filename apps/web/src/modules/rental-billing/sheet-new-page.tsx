import { useQuery } from '@tanstack/react-query'
import { Link, useNavigate, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import { ZCreateBillingSheetRequest } from '@faena/contracts'
import { isApiError } from '../../platform/api'
import {
  Button,
  FormError,
  FormField,
  PageHeader,
  UnsavedChangesGuard,
  allowNavigation,
  buttonClass,
  useToast,
} from '../../platform/components'
import { todayIn } from '../../platform/format'
import { useFormat, useMe } from '../../platform/session'
import { useZodForm } from '../../platform/validation'
import { openProjectsQuery, useCreateSheet } from './api'
import { monthRange, periodWithinProject } from './period'

export const BillingSheetNewPage = () => {
  const { t } = useTranslation(['rental-billing', 'platform'])
  const fmt = useFormat()
  const me = useMe()
  const toast = useToast()
  const navigate = useNavigate()
  const search = useSearch({ from: '/app/rental/billing-sheets/new' })
  const today = todayIn(me.organization.timeZone)
  const thisMonth = monthRange(today)
  const projects = useQuery(openProjectsQuery())
  const form = useZodForm(ZCreateBillingSheetRequest, {
    projectId: search.projectId ?? '',
    periodStart: thisMonth.start,
    periodEnd: thisMonth.end,
    notes: '',
  })
  const create = useCreateSheet()
  const project = projects.data?.find((p) => p.id === form.values.projectId)

  const setMonth = (months: number) => {
    const r = periodWithinProject(monthRange(today, months), project)
    form.set('periodStart', r.start)
    form.set('periodEnd', r.end)
  }

  const submit = form.submit((data) => {
    if (data.periodStart >= data.periodEnd) {
      form.setErrors({ periodEnd: t('create.periodError') })
      return
    }
    // a sheet is created once its period has begun (the server answers 400 on periodStart too)
    if (data.periodStart > today) {
      form.setErrors({ periodStart: t('create.futureError', { date: fmt.date(today) }) })
      return
    }
    create.mutate(
      { ...data, notes: data.notes || null },
      {
        onSuccess: (detail) => {
          toast.success(t('create.created', { code: detail.seriesCode }))
          allowNavigation()
          void navigate({ to: '/rental/billing-sheets/$id', params: { id: detail.id } })
        },
        onError: (e) => {
          form.applyServerError(e)
        },
      },
    )
  })

  const formError =
    create.error && isApiError(create.error) && create.error.details.length === 0
      ? create.error.message
      : null

  return (
    <div className="page rb-new">
      <PageHeader
        breadcrumb={
          <Link to="/rental/billing-sheets" className="rb-back">
            ‹ {t('detail.back')}
          </Link>
        }
        title={t('create.title')}
        subtitle={t('create.subtitle')}
      />
      <section className="card">
        <form
          noValidate
          aria-label={t('create.title')}
          data-testid="billing-sheet-form"
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <UnsavedChangesGuard when={form.isDirty} />
          <FormError>{formError}</FormError>
          <div className="form-grid">
            <FormField
              label={t('create.project')}
              error={form.errors.projectId}
              required
              hint={
                project
                  ? project.endDate
                    ? t('create.projectPeriod', {
                        start: fmt.date(project.startDate),
                        end: fmt.date(project.endDate),
                      })
                    : t('create.projectOpenEnded', { start: fmt.date(project.startDate) })
                  : projects.data && projects.data.length === 0
                    ? t('create.noProjects')
                    : t('create.projectHint')
              }
            >
              {(p) => (
                <select
                  {...p}
                  className="input"
                  value={form.values.projectId}
                  aria-busy={projects.isPending || undefined}
                  onChange={(e) => form.set('projectId', e.target.value)}
                >
                  <option value="">{t('create.pickProject')}</option>
                  {(projects.data ?? []).map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name} — {o.client.name}
                    </option>
                  ))}
                </select>
              )}
            </FormField>
            <div className="rb-period">
              <FormField label={t('fields.periodStart')} error={form.errors.periodStart} required>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    className="input"
                    value={form.values.periodStart}
                    onChange={(e) => form.set('periodStart', e.target.value)}
                  />
                )}
              </FormField>
              <FormField label={t('fields.periodEnd')} error={form.errors.periodEnd} required>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    className="input"
                    value={form.values.periodEnd}
                    min={form.values.periodStart}
                    onChange={(e) => form.set('periodEnd', e.target.value)}
                  />
                )}
              </FormField>
              <div className="rb-period__quick">
                <Button size="sm" onClick={() => setMonth(0)}>
                  {t('create.thisMonth')}
                </Button>
                <Button size="sm" onClick={() => setMonth(-1)}>
                  {t('create.lastMonth')}
                </Button>
              </div>
            </div>
            <FormField label={t('fields.notes')} error={form.errors.notes} className="rb-wide">
              {(p) => (
                <textarea
                  {...p}
                  className="input textarea"
                  rows={3}
                  value={form.values.notes ?? ''}
                  onChange={(e) => form.set('notes', e.target.value)}
                />
              )}
            </FormField>
          </div>
          <div className="form__actions">
            <Link to="/rental/billing-sheets" className={buttonClass('secondary')}>
              {t('platform:actions.cancel')}
            </Link>
            <Button type="submit" variant="primary" loading={create.isPending}>
              {create.isPending ? t('create.creating') : t('create.submit')}
            </Button>
          </div>
        </form>
      </section>
    </div>
  )
}
