/** Maintenance sheets: list, form (new / edit) and detail — the type's own columns, fields and sections. */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  FIELD_DOCUMENT_STATUSES,
  MAINTENANCE_TYPES,
  ZCreateMaintenanceSheetRequest,
  ZUpdateMaintenanceSheetRequest,
  type TMaintenanceSheetDetail,
} from '@faena/contracts'
import { Button, DecimalHint, DecimalInput, FormField } from '../../platform/components'
import { assignmentsQuery } from './api'
import { DocumentDetail, useDetailFormat } from './doc-detail'
import { DocForm, DocProjectField, FormSection, formPages, useDocumentForm } from './doc-form'
import { DocumentList, moneyColumn, numberColumn, projectColumn, statusColumn, dateColumn } from './doc-list'
import { Field, inclusiveDays, moneyTimes } from './form-kit'
import { LinkPicker } from './link-picker'
import { formStrings } from './request-body'
import { Item, pre } from './ui'

const KIND = 'maintenance' as const

export const MaintenanceListPage = () => (
  <DocumentList
    kind={KIND}
    statuses={FIELD_DOCUMENT_STATUSES}
    dateField="startDate"
    filters={({ t }) => [
      {
        key: 'maintenanceType',
        label: t('fields.maintenanceType'),
        options: MAINTENANCE_TYPES.map((m) => ({ value: m, label: t(`maintenanceType.${m}`) })),
      },
    ]}
    columns={(ctx) => {
      const { t } = ctx
      return [
        numberColumn(KIND, ctx),
        projectColumn(ctx),
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
        dateColumn('startDate', ctx),
        {
          key: 'technicianName',
          header: t('fields.technicianName'),
          cell: (d) => d.technicianName ?? <span className="muted">—</span>,
        },
        moneyColumn('totalCost', ctx, true),
        moneyColumn('logisticsCost', ctx),
        statusColumn(ctx),
      ]
    }}
  />
)

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

type Values = Record<F, string>
const CONTRACTS = { create: ZCreateMaintenanceSheetRequest, update: ZUpdateMaintenanceSheetRequest }

export const MaintenanceForm = ({
  initial,
  existing,
}: {
  initial: Values
  existing?: TMaintenanceSheetDetail
}) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  // the total follows days × cost per day until the user types another amount
  const [totalEdited, setTotalEdited] = useState(
    Boolean(existing && existing.totalCost !== moneyTimes(existing.costPerDay, existing.days)),
  )
  const { form, frame } = useDocumentForm(KIND, CONTRACTS, existing, initial, {
    omit: ['totalCost'],
    zero: ['costPerDay', 'logisticsCost'],
    finish: (body, v) => {
      if (totalEdited && v.totalCost.trim()) body.totalCost = v.totalCost.trim()
      else if (existing) body.totalCost = null
    },
  })
  const assignments = useQuery(assignmentsQuery(form.values.projectId))
  const equipment = (assignments.data ?? []).filter((a) => a.kind === 'equipment')
  const v = form.values
  const days = inclusiveDays(v.startDate, v.endDate || v.startDate)
  const autoTotal = days ? moneyTimes(v.costPerDay || '0', days) : null

  return (
    <DocForm frame={frame}>
      <FormSection title={t('form.general')}>
        <DocProjectField onChange={() => form.set('assignmentId', '')} />
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
      </FormSection>
      <FormSection title={t('form.costs')} hint={t('form.billingHint')}>
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
      </FormSection>
      <FormSection title={t('form.descriptions')}>
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
      </FormSection>
      <FormSection title={t('form.signatures')} last>
        <Field form={form} name="performedBy" label={t('fields.performedBy')} />
        <Field form={form} name="performedByPosition" label={t('fields.performedByPosition')} />
        <Field form={form} name="approvedBy" label={t('fields.approvedBy')} />
        <Field form={form} name="approvedByPosition" label={t('fields.approvedByPosition')} />
      </FormSection>
    </DocForm>
  )
}

/** A new sheet: today, preventive, the billing lines' usual texts, done by the user. */
export const blankMaintenance = (start: { projectId: string; today: string; userName: string }): Values => ({
  ...formStrings({}, FIELDS),
  projectId: start.projectId,
  maintenanceType: 'preventive',
  startDate: start.today,
  endDate: start.today,
  costPerDay: '0',
  logisticsCost: '0',
  technicalDescription: 'SERVICIO TÉCNICO ESPECIALIZADO',
  logisticsDescription: 'LOGÍSTICA',
  performedBy: start.userName,
})

export const { NewPage: MaintenanceNewPage, EditPage: MaintenanceEditPage } = formPages(
  KIND,
  MaintenanceForm,
  blankMaintenance,
  (d) => formStrings(d, FIELDS),
)

export const MaintenanceDetailPage = () => {
  const { t, fmt, currency } = useDetailFormat()
  return (
    <DocumentDetail kind={KIND}>
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
