/** Custody chains: list, form (new / edit, with live volume conversion) and detail — the type's own columns, fields and sections. */
import { useId, useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  CHAIN_STATUSES,
  CHAIN_VOLUME_UNITS,
  WASTE_TYPES,
  ZCreateCustodyChainRequest,
  ZUpdateCustodyChainRequest,
  type TChainVolumeUnit,
  type TCustodyChainDetail,
  type TWasteType,
} from '@faena/contracts'
import { DecimalInput, useDecimalHint } from '../../platform/components'
import { useFormat } from '../../platform/session'
import { assignmentsQuery, type AssignmentOption } from './api'
import { DocumentDetail, useDetailFormat } from './doc-detail'
import { DocForm, DocProjectField, FormSection, formPages, useDocumentForm } from './doc-form'
import { DocumentList, dateColumn, numberColumn, projectColumn, statusColumn } from './doc-list'
import { DriverVehiclePickers } from './driver-vehicle-pickers'
import { Field, hoursBetween } from './form-kit'
import { formStrings, toggle } from './request-body'
import { ScanPagesButton } from './list-scan-dialog'
import { Item, pre } from './ui'
import { tryConvertVolume } from '@faena/domain'

const KIND = 'chain' as const

export const ChainsListPage = () => (
  <DocumentList
    kind={KIND}
    statuses={CHAIN_STATUSES}
    dateField="activityDate"
    extraActions={(params) => <ScanPagesButton params={params} />}
    filters={({ t }) => [
      {
        key: 'wasteType',
        label: t('fields.wasteTypes'),
        options: WASTE_TYPES.map((w) => ({ value: w, label: t(`wasteType.${w}`) })),
      },
    ]}
    columns={(ctx) => {
      const { t, fmt } = ctx
      return [
        numberColumn(KIND, ctx),
        dateColumn('activityDate', ctx),
        projectColumn(ctx),
        {
          key: 'driver',
          header: t('fields.driverName'),
          cell: (d) => (
            <div>
              <span>{d.driverName ?? '—'}</span>
              {d.vehiclePlate ? <span className="muted rd-sub mono">{d.vehiclePlate}</span> : null}
            </div>
          ),
        },
        {
          key: 'gallons',
          header: t('fields.volume'),
          sortable: true,
          align: 'end',
          width: '11rem',
          cell: (d) => (
            <div className="rd-volumes">
              <span>
                {fmt.quantity(d.gallons, { minFractionDigits: 2 })} {t('volumeShort.gallons')}
              </span>
              <span className="muted rd-sub">
                {fmt.quantity(d.barrels, { minFractionDigits: 2 })} {t('volumeShort.barrels')} ·{' '}
                {fmt.quantity(d.cubicMeters, { minFractionDigits: 2 })} {t('volumeShort.cubicMeters')}
              </span>
            </div>
          ),
        },
        {
          key: 'attendedCount',
          header: t('fields.attended'),
          align: 'end',
          width: '7rem',
          cell: (d) => fmt.integer(d.attendedCount),
        },
        statusColumn(ctx),
      ]
    }}
  />
)

const FIELDS = [
  'projectId',
  'activityDate',
  'location',
  'startTime',
  'endTime',
  'contactName',
  'contactDni',
  'contactPosition',
  'driverName',
  'driverDni',
  'vehiclePlate',
  'driverStaffId',
  'vehicleId',
  'volumeUnit',
  'volume',
  'logisticsCost',
  'billingText',
  'notes',
] as const
type F = (typeof FIELDS)[number]

type Values = Record<F, string> & { assignmentIds: string[]; wasteTypes: TWasteType[] }
const CONTRACTS = { create: ZCreateCustodyChainRequest, update: ZUpdateCustodyChainRequest }

const fromDetail = (d: TCustodyChainDetail): Values => ({
  ...formStrings(d, FIELDS),
  volume: d.volumeUnit === 'gallons' ? d.gallons : d.volumeUnit === 'barrels' ? d.barrels : d.cubicMeters,
  assignmentIds: d.attended.map((a) => a.assignmentId),
  wasteTypes: d.wasteTypes,
})

/** Gallons / barrels / m³: the one typed is kept, the other two follow it live (2 decimals, half-up). */
const VolumeInputs = ({
  unit,
  typed,
  error,
  onChange,
}: {
  unit: TChainVolumeUnit
  typed: string
  error?: string | undefined
  onChange: (unit: TChainVolumeUnit, value: string) => void
}) => {
  const { t } = useTranslation('rental-documents')
  const id = useId()
  const decimalHint = useDecimalHint(2)
  const [problem, setProblem] = useState<string | null>(null)
  const derived = tryConvertVolume(unit, typed)
  return (
    <fieldset className="rd-volume" aria-describedby={`${id}-hint`}>
      <legend className="section-title">{t('form.volumes')}</legend>
      <div className="rd-volume__row">
        {CHAIN_VOLUME_UNITS.map((u) => {
          const isTyped = u === unit
          const shown = isTyped ? typed : (derived?.[u] ?? '')
          return (
            <div
              key={u}
              className={isTyped ? 'field rd-volume__cell rd-volume__cell--typed' : 'field rd-volume__cell'}
            >
              <label className="field__label" htmlFor={`${id}-${u}`}>
                {t(`volumeUnit.${u}`)}{' '}
                {isTyped ? <span className="rd-typed">({t('form.typed')})</span> : null}
              </label>
              <DecimalInput
                id={`${id}-${u}`}
                maxFractionDigits={2}
                maxLength={14}
                value={shown}
                aria-invalid={isTyped && (error || problem) ? true : undefined}
                data-testid={`volume-${u}`}
                onValueChange={(x) => onChange(u, x)}
                onProblem={setProblem}
              />
            </div>
          )
        })}
      </div>
      {problem || error ? <p className="field__error">{problem ?? error}</p> : null}
      <p id={`${id}-hint`} className="field__hint">
        {t('form.volumeHint')} · {decimalHint}
      </p>
    </fieldset>
  )
}

/** One attended assignment: the equipment code (a service's linked unit) and the billing text. */
const AttendCheck = ({
  a,
  checked,
  onToggle,
}: {
  a: AssignmentOption
  checked: boolean
  onToggle: () => void
}) => {
  const { t } = useTranslation('rental-documents')
  const code = a.linkedEquipment?.code ?? (a.kind === 'equipment' ? a.equipment.code : null)
  return (
    <label className="rd-check">
      <input
        type="checkbox"
        checked={checked}
        onChange={onToggle}
        data-testid={`attend-${a.equipment.code}`}
      />
      <span>
        {code && !a.description.includes(code) ? <span className="mono">{code} </span> : null}
        {a.description}
        {a.status === 'retired' ? <span className="muted"> ({t('form.retired')})</span> : null}
      </span>
    </label>
  )
}

const ChainForm = ({ initial, existing }: { initial: Values; existing?: TCustodyChainDetail }) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const { form, frame } = useDocumentForm(KIND, CONTRACTS, existing, initial, {
    zero: ['logisticsCost'],
    // the volume is always sent: an empty one is a volume not typed yet
    finish: (body, v) => void (body.volume = v.volume.trim()),
    refine: (body) =>
      hoursBetween(body.startTime as string | null, body.endTime as string | null).valid
        ? null
        : { path: 'endTime', message: t('form.timesError') },
  })
  const assignments = useQuery(assignmentsQuery(form.values.projectId))
  const fmt = useFormat()
  const v = form.values
  const hours = hoursBetween(v.startTime, v.endTime)
  const options = assignments.data ?? []
  const services = options.filter((a) => a.kind === 'service')
  const units = options.filter((a) => a.kind === 'equipment')
  const attend = (id: string) => form.set('assignmentIds', toggle(v.assignmentIds, id))

  const attendedError = Object.entries(form.errors).find(([k]) => k.startsWith('assignmentIds'))?.[1]
  return (
    <DocForm frame={frame}>
      <section className="card">
        <h2 className="section-title">{t('form.general')}</h2>
        <div className="form-grid">
          <DocProjectField onChange={() => form.set('assignmentIds', [])} />
          <Field
            form={form}
            name="activityDate"
            label={t('fields.activityDate')}
            type="date"
            required
            testId="activity-date"
          />
          <Field form={form} name="location" label={t('fields.location')} />
          <Field form={form} name="startTime" label={t('fields.startTime')} type="time" testId="start-time" />
          <Field
            form={form}
            name="endTime"
            label={t('fields.endTime')}
            type="time"
            testId="end-time"
            hint={hours.hours ? t('form.durationHint', { hours: fmt.quantity(hours.hours) }) : undefined}
          />
        </div>
        {!hours.valid && !form.errors.endTime ? (
          <p className="field__error" role="alert">
            {t('form.timesError')}
          </p>
        ) : null}
      </section>
      <section className="card">
        <fieldset className="rd-checks" aria-describedby="rd-attended-hint">
          <legend className="section-title">
            {t('fields.attended')}{' '}
            <span className="field__required" aria-hidden="true">
              *
            </span>
          </legend>
          <p id="rd-attended-hint" className="muted rd-small">
            {t('form.attendedHint')}
          </p>
          {v.projectId && assignments.data && options.length === 0 ? (
            <p className="muted">{t('form.noAssignments')}</p>
          ) : null}
          <div className="rd-checks__grid">
            {services.map((a) => (
              <AttendCheck
                key={a.id}
                a={a}
                checked={v.assignmentIds.includes(a.id)}
                onToggle={() => attend(a.id)}
              />
            ))}
          </div>
          {units.length > 0 ? (
            <details className="rd-more" open={units.some((a) => v.assignmentIds.includes(a.id))}>
              <summary>{t('form.equipmentToo', { count: units.length })}</summary>
              <div className="rd-checks__grid">
                {units.map((a) => (
                  <AttendCheck
                    key={a.id}
                    a={a}
                    checked={v.assignmentIds.includes(a.id)}
                    onToggle={() => attend(a.id)}
                  />
                ))}
              </div>
            </details>
          ) : null}
          {attendedError ? <p className="field__error">{attendedError}</p> : null}
        </fieldset>
      </section>
      <section className="card">
        <VolumeInputs
          unit={v.volumeUnit as TChainVolumeUnit}
          typed={v.volume}
          error={form.errors.volume ?? form.errors.volumeUnit}
          onChange={(unit, value) => {
            form.set('volumeUnit', unit)
            form.set('volume', value)
          }}
        />
        <fieldset className="rd-checks">
          <legend className="field__label">{t('fields.wasteTypes')}</legend>
          <div className="rd-checks__grid">
            {WASTE_TYPES.map((w) => (
              <label key={w} className="rd-check">
                <input
                  type="checkbox"
                  checked={v.wasteTypes.includes(w)}
                  onChange={() => form.set('wasteTypes', toggle(v.wasteTypes, w))}
                />
                <span>{t(`wasteType.${w}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>
      <FormSection title={t('form.transport')} last>
        <Field form={form} name="contactName" label={t('fields.contactName')} />
        <Field form={form} name="contactDni" label={t('fields.contactDni')} maxLength={20} />
        <Field form={form} name="contactPosition" label={t('fields.contactPosition')} />
        <DriverVehiclePickers
          driverId={v.driverStaffId}
          driverName={v.driverName}
          driverDni={v.driverDni}
          driverError={form.errors.driverStaffId}
          vehicleId={v.vehicleId}
          vehiclePlate={v.vehiclePlate}
          vehicleError={form.errors.vehicleId}
          onDriver={(d) => {
            form.set('driverStaffId', d.id)
            form.set('driverName', d.name)
            form.set('driverDni', d.dni)
          }}
          onVehicle={(x) => {
            form.set('vehicleId', x.id)
            form.set('vehiclePlate', x.plate)
          }}
        />
        {/* the free text: for a driver or vehicle outside the field staff (and what older chains printed) */}
        {v.driverStaffId ? null : (
          <>
            <Field form={form} name="driverName" label={t('fields.driverName')} testId="driver" />
            <Field form={form} name="driverDni" label={t('fields.driverDni')} maxLength={20} />
          </>
        )}
        {v.vehicleId ? null : (
          <Field form={form} name="vehiclePlate" label={t('fields.vehiclePlate')} maxLength={20} />
        )}
        <Field
          form={form}
          name="logisticsCost"
          label={t('fields.logisticsCost')}
          inputMode="decimal"
          maxLength={14}
          hint={t('form.billingHint')}
        />
        <Field form={form} name="billingText" label={t('fields.billingText')} maxLength={300} />
        <Field form={form} name="notes" label={t('fields.notes')} type="textarea" wide maxLength={5000} />
      </FormSection>
    </DocForm>
  )
}

export const { NewPage: ChainNewPage, EditPage: ChainEditPage } = formPages(
  KIND,
  ChainForm,
  (start): Values => ({
    ...formStrings({}, FIELDS),
    projectId: start.projectId,
    activityDate: start.today,
    volumeUnit: 'gallons',
    logisticsCost: '0',
    billingText: 'LOGÍSTICA',
    assignmentIds: [],
    wasteTypes: ['blackWater', 'greyWater'],
  }),
  fromDetail,
)

export const ChainDetailPage = () => {
  const { t, fmt, currency } = useDetailFormat()
  return (
    <DocumentDetail kind={KIND}>
      {(d) => (
        <>
          <section className="card">
            <dl className="dl-grid">
              <Item label={t('fields.activityDate')}>{fmt.date(d.activityDate)}</Item>
              <Item label={t('fields.location')}>{d.location}</Item>
              <Item label={t('fields.startTime')}>{d.startTime}</Item>
              <Item label={t('fields.endTime')}>{d.endTime}</Item>
              <Item label={t('fields.durationHours')}>
                {d.durationHours ? fmt.quantity(d.durationHours, { minFractionDigits: 2 }) : null}
              </Item>
              <Item label={t('fields.wasteTypes')}>
                {d.wasteTypes.map((w) => t(`wasteType.${w}`)).join(', ')}
              </Item>
              <Item label={t('fields.contactName')}>
                {[d.contactName, d.contactDni, d.contactPosition].filter(Boolean).join(' · ')}
              </Item>
              <Item label={t('fields.driverName')}>
                {[d.driverName, d.driverDni].filter(Boolean).join(' · ')}
              </Item>
              <Item label={t('fields.vehiclePlate')}>{d.vehiclePlate}</Item>
              <Item label={`${t('fields.logisticsCost')} · ${d.billingText}`}>
                {fmt.money(d.logisticsCost, currency)}
              </Item>
              <Item label={t('fields.createdBy')}>{d.createdBy?.name}</Item>
              <Item label={t('fields.notes')}>{pre(d.notes)}</Item>
            </dl>
          </section>
          <section className="card" aria-labelledby="rd-vol-title">
            <h2 id="rd-vol-title" className="section-title">
              {t('detail.volumes')}
            </h2>
            <div className="rd-volume-cards" data-testid="chain-volumes">
              {CHAIN_VOLUME_UNITS.map((u) => (
                <div
                  key={u}
                  className={u === d.volumeUnit ? 'rd-volume-card rd-volume-card--typed' : 'rd-volume-card'}
                >
                  <span className="rd-volume-card__value">
                    {fmt.quantity(d[u], { minFractionDigits: 2 })}
                  </span>
                  <span className="rd-volume-card__unit">
                    {t(`volumeUnit.${u}`)}
                    {u === d.volumeUnit ? ` · ${t('form.typed')}` : ''}
                  </span>
                </div>
              ))}
            </div>
          </section>
          <section className="card">
            <h2 className="section-title">{t('fields.attended')}</h2>
            <table className="table rd-table">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">{t('fields.abbreviation')}</th>
                  <th scope="col">{t('fields.equipment')}</th>
                  <th scope="col">{t('fields.description')}</th>
                </tr>
              </thead>
              <tbody>
                {d.attended.map((a, i) => (
                  <tr key={a.assignmentId}>
                    <td>{i + 1}</td>
                    <td>
                      <strong>{a.abbreviation}</strong>
                    </td>
                    <td className="mono">{a.code}</td>
                    <td>{a.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </DocumentDetail>
  )
}
