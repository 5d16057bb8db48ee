/** Maintenance sheets: list, form (new / edit) and detail. */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useParams, useSearch } from '@tanstack/react-router'
import { useTranslation } from 'react-i18next'
import {
  FIELD_DOCUMENT_STATUSES,
  MAINTENANCE_TYPES,
  ZCreateMaintenanceSheetRequest,
  ZUpdateMaintenanceSheetRequest,
  type TMaintenanceSheetDetail,
  type TMaintenanceSheetSummary,
} from '@faena/contracts'
import {
  Button,
  DecimalHint,
  DecimalInput,
  Filter,
  FormField,
  PageHeader,
  type Column,
} from '../../platform/components'
import { todayIn } from '../../platform/format'
import { useFormat, useMe } from '../../platform/session'
import { assignmentsQuery } from './api'
import { Field, inclusiveDays, moneyTimes, parseWith, toRequest, useDocForm } from './form-kit'
import { LinkPicker } from './link-picker'
import {
  BackLink,
  DocForm,
  DocProjectField,
  DocStatus,
  DocumentDetail,
  DocumentList,
  EditLoader,
  FormActions,
  Item,
  NumberCell,
  ProjectCell,
  formLevelError,
  pre,
  useListSearch,
  useSaveDocument,
} from './ui'

const KIND = 'maintenance' as const

export const MaintenanceListPage = () => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const fmt = useFormat()
  const currency = useMe().organization.currencies[0] ?? 'USD'
  const search = useSearch({ from: '/app/rental/maintenance-sheets' })
  const setSearch = useListSearch(KIND)
  const columns: Column<TMaintenanceSheetSummary>[] = [
    {
      key: 'number',
      header: t('fields.number'),
      sortable: true,
      width: '7rem',
      cell: (d) => <NumberCell kind={KIND} id={d.id} number={d.displayNumber} />,
    },
    {
      key: 'project',
      header: t('fields.project'),
      cell: (d) => <ProjectCell project={d.projectName} client={d.clientName} />,
    },
    {
      key: 'equipment',
      header: t('fields.equipment'),
      cell: (d) =>
        d.equipmentCode ? (
          <div>
            <span className="mono">{d.equipmentCode}</span>
            <span className="muted rd-sub">{d.equipmentName}</span>
          </div>
        ) : (
          <span className="muted">—</span>
        ),
    },
    {
      key: 'maintenanceType',
      header: t('fields.maintenanceType'),
      width: '7rem',
      cell: (d) => t(`maintenanceType.${d.maintenanceType}`),
    },
    {
      key: 'startDate',
      header: t('fields.startDate'),
      sortable: true,
      width: '8rem',
      cell: (d) => fmt.date(d.startDate),
    },
    {
      key: 'technicianName',
      header: t('fields.technicianName'),
      cell: (d) => d.technicianName ?? <span className="muted">—</span>,
    },
    {
      key: 'totalCost',
      header: t('fields.totalCost'),
      sortable: true,
      align: 'end',
      width: '8rem',
      cell: (d) => fmt.money(d.totalCost, currency),
    },
    {
      key: 'logisticsCost',
      header: t('fields.logisticsCost'),
      align: 'end',
      width: '8rem',
      cell: (d) => fmt.money(d.logisticsCost, currency),
    },
    {
      key: 'status',
      header: t('fields.status'),
      sortable: true,
      width: '7rem',
      cell: (d) => <DocStatus status={d.status} />,
    },
  ]
  return (
    <DocumentList
      kind={KIND}
      search={search}
      setSearch={setSearch}
      columns={columns}
      statuses={FIELD_DOCUMENT_STATUSES}
      dateLabel={t('fields.startDate')}
      extraParams={{ maintenanceType: search.maintenanceType }}
      extraActive={Boolean(search.maintenanceType)}
      extraFilters={
        <Filter label={t('fields.maintenanceType')} htmlFor="rd-mtype">
          <select
            id="rd-mtype"
            className="input"
            value={search.maintenanceType ?? ''}
            onChange={(e) =>
              setSearch({ maintenanceType: (e.target.value || undefined) as typeof search.maintenanceType })
            }
          >
            <option value="">{t('list.all')}</option>
            {MAINTENANCE_TYPES.map((m) => (
              <option key={m} value={m}>
                {t(`maintenanceType.${m}`)}
              </option>
            ))}
          </select>
        </Filter>
      }
    />
  )
}

const FIELDS = [
  'projectId',
  'assignmentId',
  'maintenanceType',
  'startDate',
  'endDate',
  'technicianName',
  'technicianStaffId',
  'requestedBy',
  'rig',
  'location',
  'costPerDay',
  'totalCost',
  'technicalDescription',
  'logisticsCost',
  'logisticsDescription',
  'maintenanceDescription',
  'faultDescription',
  'possibleCauses',
  'replacedParts',
  'observations',
  'performedBy',
  'performedByPosition',
  'approvedBy',
  'approvedByPosition',
] as const
type F = (typeof FIELDS)[number]

const fromDetail = (d: TMaintenanceSheetDetail): Record<F, string> => ({
  projectId: d.projectId,
  assignmentId: d.assignmentId ?? '',
  maintenanceType: d.maintenanceType,
  startDate: d.startDate,
  endDate: d.endDate,
  technicianName: d.technicianName ?? '',
  technicianStaffId: d.technicianStaffId ?? '',
  requestedBy: d.requestedBy ?? '',
  rig: d.rig ?? '',
  location: d.location ?? '',
  costPerDay: d.costPerDay,
  totalCost: d.totalCost,
  technicalDescription: d.technicalDescription,
  logisticsCost: d.logisticsCost,
  logisticsDescription: d.logisticsDescription,
  maintenanceDescription: d.maintenanceDescription ?? '',
  faultDescription: d.faultDescription ?? '',
  possibleCauses: d.possibleCauses ?? '',
  replacedParts: d.replacedParts ?? '',
  observations: d.observations ?? '',
  performedBy: d.performedBy ?? '',
  performedByPosition: d.performedByPosition ?? '',
  approvedBy: d.approvedBy ?? '',
  approvedByPosition: d.approvedByPosition ?? '',
})

const MaintenanceForm = ({
  initial,
  existing,
}: {
  initial: Record<F, string>
  existing?: TMaintenanceSheetDetail
}) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const form = useDocForm<F>(() => initial)
  // the total follows days × cost per day until the user types another amount
  const [totalEdited, setTotalEdited] = useState(
    Boolean(existing && existing.totalCost !== moneyTimes(existing.costPerDay, existing.days)),
  )
  const { mutation, save } = useSaveDocument(KIND, existing?.id, form.setErrors)
  const assignments = useQuery(assignmentsQuery(form.values.projectId))
  const equipment = (assignments.data ?? []).filter((a) => a.kind === 'equipment')
  const v = form.values
  const days = inclusiveDays(v.startDate, v.endDate || v.startDate)
  const autoTotal = days ? moneyTimes(v.costPerDay || '0', days) : null

  const submit = () => {
    const mode = existing ? 'edit' : 'create'
    const body = toRequest(v, mode, existing ? ['projectId', 'totalCost'] : ['totalCost'])
    if (totalEdited && v.totalCost.trim()) body.totalCost = v.totalCost.trim()
    else if (existing) body.totalCost = null
    if (!v.costPerDay.trim()) body.costPerDay = '0'
    if (!v.logisticsCost.trim()) body.logisticsCost = '0'
    const r = parseWith(existing ? ZUpdateMaintenanceSheetRequest : ZCreateMaintenanceSheetRequest, body)
    if (!r.ok) {
      form.setErrors(r.errors)
      return
    }
    save(r.data)
  }

  const formError = formLevelError(mutation.error, form.errors)
  return (
    <DocForm kind={KIND} error={formError} dirty={form.isDirty} onSubmit={submit}>
      <section className="card">
        <h2 className="section-title">{t('form.general')}</h2>
        <div className="form-grid">
          <DocProjectField
            error={form.errors.projectId}
            value={v.projectId}
            locked={Boolean(existing)}
            onChange={(x) => {
              form.set('projectId', x)
              form.set('assignmentId', '')
            }}
          />
          <FormField label={t('fields.equipment')} error={form.errors.assignmentId}>
            {(p) => (
              <select
                {...p}
                className="input"
                value={v.assignmentId}
                onChange={(e) => form.set('assignmentId', e.target.value)}
                data-testid="equipment-select"
              >
                <option value="">{t('form.none')}</option>
                {equipment.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.equipment.code} — {a.equipment.name}
                    {a.status === 'retired' ? ` (${t('form.retired')})` : ''}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label={t('fields.maintenanceType')} error={form.errors.maintenanceType} required>
            {(p) => (
              <select
                {...p}
                className="input"
                value={v.maintenanceType}
                onChange={(e) => form.set('maintenanceType', e.target.value)}
                data-testid="maintenance-type"
              >
                {MAINTENANCE_TYPES.map((m) => (
                  <option key={m} value={m}>
                    {t(`maintenanceType.${m}`)}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <Field
            form={form}
            name="startDate"
            label={t('fields.startDate')}
            type="date"
            required
            testId="start-date"
          />
          <Field
            form={form}
            name="endDate"
            label={t('fields.endDate')}
            type="date"
            min={v.startDate || undefined}
            hint={days ? t('form.daysHint', { count: days }) : undefined}
          />
          <LinkPicker
            owner="staff"
            label={t('links.technician')}
            value={v.technicianStaffId}
            display={v.technicianStaffId ? v.technicianName : ''}
            error={form.errors.technicianStaffId}
            hint={t('links.technicianHint')}
            testId="technician-link"
            onPick={(o) => {
              form.set('technicianStaffId', o?.id ?? '')
              form.set('technicianName', o?.name ?? '')
            }}
          />
          {/* the free text: a technician outside the field staff (and what older sheets printed) */}
          {v.technicianStaffId ? null : (
            <Field form={form} name="technicianName" label={t('fields.technicianName')} testId="technician" />
          )}
          <Field form={form} name="requestedBy" label={t('fields.requestedBy')} />
          <Field form={form} name="rig" label={t('fields.rig')} maxLength={100} />
          <Field form={form} name="location" label={t('fields.location')} />
        </div>
      </section>
      <section className="card">
        <h2 className="section-title">{t('form.costs')}</h2>
        <p className="muted rd-small">{t('form.billingHint')}</p>
        <div className="form-grid">
          <Field
            form={form}
            name="costPerDay"
            label={t('fields.costPerDay')}
            inputMode="decimal"
            maxLength={14}
            testId="cost-per-day"
          />
          <FormField
            label={t('fields.totalCost')}
            error={form.errors.totalCost}
            hint={
              totalEdited ? (
                <Button size="sm" variant="ghost" onClick={() => setTotalEdited(false)}>
                  {t('form.totalReset')}
                </Button>
              ) : (
                <>
                  {t('form.totalAuto')} · <DecimalHint />
                </>
              )
            }
          >
            {(p) => (
              <DecimalInput
                {...p}
                maxFractionDigits={2}
                maxLength={20}
                value={totalEdited ? v.totalCost : (autoTotal ?? '')}
                data-testid="total-cost"
                onValueChange={(x) => {
                  setTotalEdited(true)
                  form.set('totalCost', x)
                }}
              />
            )}
          </FormField>
          <Field
            form={form}
            name="technicalDescription"
            label={t('fields.technicalDescription')}
            maxLength={300}
          />
          <Field
            form={form}
            name="logisticsCost"
            label={t('fields.logisticsCost')}
            inputMode="decimal"
            maxLength={14}
          />
          <Field
            form={form}
            name="logisticsDescription"
            label={t('fields.logisticsDescription')}
            maxLength={300}
          />
        </div>
      </section>
      <section className="card">
        <h2 className="section-title">{t('form.descriptions')}</h2>
        <div className="form-grid">
          <Field
            form={form}
            name="maintenanceDescription"
            label={t('fields.maintenanceDescription')}
            type="textarea"
            wide
            maxLength={5000}
          />
          <Field
            form={form}
            name="faultDescription"
            label={t('fields.faultDescription')}
            type="textarea"
            maxLength={5000}
          />
          <Field
            form={form}
            name="possibleCauses"
            label={t('fields.possibleCauses')}
            type="textarea"
            maxLength={5000}
          />
          <Field
            form={form}
            name="replacedParts"
            label={t('fields.replacedParts')}
            type="textarea"
            maxLength={5000}
          />
          <Field
            form={form}
            name="observations"
            label={t('fields.observations')}
            type="textarea"
            maxLength={5000}
          />
        </div>
      </section>
      <section className="card">
        <h2 className="section-title">{t('form.signatures')}</h2>
        <div className="form-grid">
          <Field form={form} name="performedBy" label={t('fields.performedBy')} />
          <Field form={form} name="performedByPosition" label={t('fields.performedByPosition')} />
          <Field form={form} name="approvedBy" label={t('fields.approvedBy')} />
          <Field form={form} name="approvedByPosition" label={t('fields.approvedByPosition')} />
        </div>
        <FormActions
          kind={KIND}
          id={existing?.id}
          busy={mutation.isPending}
          label={existing ? t('form.save') : t('form.create')}
        />
      </section>
    </DocForm>
  )
}

export const MaintenanceNewPage = () => {
  const { t } = useTranslation('rental-documents')
  const me = useMe()
  const search = useSearch({ from: '/app/rental/maintenance-sheets/new' })
  const today = todayIn(me.organization.timeZone)
  const initial = Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<F, string>
  return (
    <div className="page rd-new">
      <PageHeader breadcrumb={<BackLink kind={KIND} />} title={t('kinds.maintenance.new')} />
      <MaintenanceForm
        initial={{
          ...initial,
          projectId: search.projectId ?? '',
          maintenanceType: 'preventive',
          startDate: today,
          endDate: today,
          costPerDay: '0',
          logisticsCost: '0',
          technicalDescription: 'SERVICIO TÉCNICO ESPECIALIZADO',
          logisticsDescription: 'LOGÍSTICA',
          performedBy: me.user.name,
        }}
      />
    </div>
  )
}

export const MaintenanceEditPage = () => {
  const { t } = useTranslation('rental-documents')
  const { id } = useParams({ from: '/app/rental/maintenance-sheets/$id/edit' })
  return (
    <EditLoader kind={KIND} id={id}>
      {(d) => (
        <div className="page rd-new">
          <PageHeader
            breadcrumb={<BackLink kind={KIND} />}
            title={t('form.editTitle', { name: t('kinds.maintenance.one'), number: d.displayNumber })}
          />
          <MaintenanceForm initial={fromDetail(d)} existing={d} />
        </div>
      )}
    </EditLoader>
  )
}

export const MaintenanceDetailPage = () => {
  const { t } = useTranslation('rental-documents')
  const fmt = useFormat()
  const currency = useMe().organization.currencies[0] ?? 'USD'
  const { id } = useParams({ from: '/app/rental/maintenance-sheets/$id' })
  return (
    <DocumentDetail kind={KIND} id={id} title={(d) => `${t('kinds.maintenance.one')} N.º ${d.displayNumber}`}>
      {(d) => (
        <>
          <section className="card">
            <dl className="dl-grid">
              <Item label={t('fields.project')}>{d.projectName}</Item>
              <Item label={t('fields.client')}>{d.clientName}</Item>
              <Item label={t('fields.equipment')}>
                {d.equipmentCode ? `${d.equipmentCode} — ${d.equipmentName ?? ''}` : null}
              </Item>
              <Item label={t('fields.maintenanceType')}>{t(`maintenanceType.${d.maintenanceType}`)}</Item>
              <Item label={t('fields.startDate')}>{fmt.date(d.startDate)}</Item>
              <Item label={t('fields.endDate')}>{fmt.date(d.endDate)}</Item>
              <Item label={t('fields.days')}>{fmt.integer(d.days)}</Item>
              <Item label={t('fields.technicianName')}>{d.technicianName}</Item>
              <Item label={t('fields.requestedBy')}>{d.requestedBy}</Item>
              <Item label={t('fields.rig')}>{d.rig}</Item>
              <Item label={t('fields.location')}>{d.location}</Item>
              <Item label={t('fields.createdBy')}>{d.createdBy?.name}</Item>
            </dl>
          </section>
          <section className="card">
            <h2 className="section-title">{t('form.costs')}</h2>
            <dl className="dl-grid">
              <Item label={t('fields.costPerDay')}>{fmt.money(d.costPerDay, currency)}</Item>
              <Item label={`${t('fields.totalCost')} · ${d.technicalDescription}`}>
                <strong data-testid="total-cost-value">{fmt.money(d.totalCost, currency)}</strong>
              </Item>
              <Item label={`${t('fields.logisticsCost')} · ${d.logisticsDescription}`}>
                {fmt.money(d.logisticsCost, currency)}
              </Item>
              <Item label={t('fields.billed')}>
                {d.billingSheetId ? t('list.billedYes') : t('list.billedNo')}
              </Item>
            </dl>
          </section>
          <section className="card">
            <h2 className="section-title">{t('form.descriptions')}</h2>
            <dl className="dl-grid">
              <Item label={t('fields.maintenanceDescription')} wide>
                {pre(d.maintenanceDescription)}
              </Item>
              <Item label={t('fields.faultDescription')}>{pre(d.faultDescription)}</Item>
              <Item label={t('fields.possibleCauses')}>{pre(d.possibleCauses)}</Item>
              <Item label={t('fields.replacedParts')}>{pre(d.replacedParts)}</Item>
              <Item label={t('fields.observations')}>{pre(d.observations)}</Item>
              <Item label={t('fields.performedBy')}>
                {[d.performedBy, d.performedByPosition].filter(Boolean).join(' · ')}
              </Item>
              <Item label={t('fields.approvedBy')}>
                {[d.approvedBy, d.approvedByPosition].filter(Boolean).join(' · ')}
              </Item>
            </dl>
          </section>
        </>
      )}
    </DocumentDetail>
  )
}
