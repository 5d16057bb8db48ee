/** Shipping guides: list, form (new / edit, with items) and detail — the type's own columns, fields and sections. */
import { useState } from 'react'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import {
  FIELD_DOCUMENT_STATUSES,
  GUIDE_REASONS,
  GUIDE_TYPES,
  ZCreateShippingGuideRequest,
  ZUpdateShippingGuideRequest,
  type TShippingGuideDetail,
} from '@faena/contracts'
import { Button, FormField, Icon, StatusBadge } from '../../platform/components'
import { EGuideCard } from '../e-invoicing'
import { assignmentsQuery } from './api'
import { DocumentDetail, useDetailFormat } from './doc-detail'
import { DocForm, DocProjectField, FormSection, formPages, useDocumentForm } from './doc-form'
import { DocumentList, dateColumn, moneyColumn, numberColumn, projectColumn, statusColumn } from './doc-list'
import { DriverVehiclePickers } from './driver-vehicle-pickers'
import { Field } from './form-kit'
import { formStrings } from './request-body'
import { Item, pre } from './ui'

const KIND = 'guide' as const

export const GuidesListPage = () => (
  <DocumentList
    kind={KIND}
    statuses={FIELD_DOCUMENT_STATUSES}
    dateField="issueDate"
    filters={({ t }) => [
      {
        key: 'guideType',
        label: t('fields.guideType'),
        options: GUIDE_TYPES.map((g) => ({ value: g, label: t(`guideType.${g}`) })),
      },
      {
        key: 'billed',
        label: t('fields.billed'),
        options: [
          { value: 'true', label: t('list.billedYes') },
          { value: 'false', label: t('list.billedNo') },
        ],
      },
    ]}
    columns={(ctx) => {
      const { t, fmt } = ctx
      return [
        numberColumn(KIND, ctx),
        dateColumn('issueDate', ctx),
        projectColumn(ctx),
        {
          key: 'guideType',
          header: t('fields.guideType'),
          cell: (d) => (
            <div>
              <span>{t(`guideType.${d.guideType}`)}</span>
              <span className="muted rd-sub">
                {d.originPlace ?? '—'} → {d.destinationPlace ?? '—'}
              </span>
            </div>
          ),
        },
        {
          key: 'itemCount',
          header: t('fields.items'),
          align: 'end',
          width: '5rem',
          cell: (d) => fmt.integer(d.itemCount),
        },
        moneyColumn('transportCost', ctx, true),
        moneyColumn('stowageCost', ctx),
        statusColumn(ctx, '8rem', (d) =>
          d.billingSheetId ? <StatusBadge tone="neutral">{t('fields.billed')}</StatusBadge> : null,
        ),
      ]
    }}
  />
)

const FIELDS = [
  'projectId',
  'guideType',
  'reason',
  'issueDate',
  'startDate',
  'endDate',
  'originPlace',
  'destinationPlace',
  'carrierName',
  'carrierDni',
  'vehiclePlate',
  'driverStaffId',
  'vehicleId',
  'dispatcherName',
  'dispatcherDni',
  'receiverName',
  'receiverDni',
  'contactName',
  'contactPhone',
  'transportCost',
  'transportDescription',
  'stowageCost',
  'stowageDescription',
  'notes',
] as const
type F = (typeof FIELDS)[number]
type ItemRow = { key: number; assignmentId: string; description: string; quantity: string; unit: string }

type Values = Record<F, string> & { items: ItemRow[] }
const CONTRACTS = { create: ZCreateShippingGuideRequest, update: ZUpdateShippingGuideRequest }

let nextKey = 1

const fromDetail = (d: TShippingGuideDetail): Values => ({
  ...formStrings(d, FIELDS),
  items: d.items.map((i) => ({
    key: nextKey++,
    assignmentId: i.assignmentId ?? '',
    description: i.description,
    quantity: String(i.quantity),
    unit: i.unit ?? '',
  })),
})

const GuideForm = ({ initial, existing }: { initial: Values; existing?: TShippingGuideDetail }) => {
  const { t } = useTranslation(['rental-documents', 'platform'])
  const { form, frame } = useDocumentForm(KIND, CONTRACTS, existing, initial, {
    zero: ['transportCost', 'stowageCost'],
    finish: (body, v) => {
      body.guideType = v.guideType
      if (!v.reason) body.reason = null
      body.items = v.items.map((i) => ({
        assignmentId: i.assignmentId || null,
        description: i.description,
        quantity: /^\d+$/.test(i.quantity.trim()) ? Number(i.quantity.trim()) : i.quantity,
        unit: i.unit.trim() || null,
      }))
    },
  })
  const v = form.values
  const items = v.items
  const setItems = (next: ItemRow[]) => form.set('items', next)
  const assignments = useQuery(assignmentsQuery(v.projectId))
  const equipment = (assignments.data ?? []).filter((a) => a.kind === 'equipment')
  const [pick, setPick] = useState('')

  const setItem = (key: number, patch: Partial<ItemRow>) =>
    setItems(items.map((i) => (i.key === key ? { ...i, ...patch } : i)))
  const addEquipment = (assignmentId: string) => {
    const a = equipment.find((x) => x.id === assignmentId)
    if (!a) return
    setItems([
      ...items,
      {
        key: nextKey++,
        assignmentId: a.id,
        description: `${a.equipment.code} / ${a.equipment.name}`,
        quantity: '1',
        unit: 'u',
      },
    ])
    setPick('')
  }

  return (
    <DocForm frame={frame}>
      <FormSection title={t('form.general')}>
        <DocProjectField onChange={() => setItems(items.map((i) => ({ ...i, assignmentId: '' })))} />
        <FormField label={t('fields.guideType')} error={form.errors.guideType} required>
          {(p) => (
            <select
              {...p}
              className="input"
              value={v.guideType}
              onChange={(e) => form.set('guideType', e.target.value)}
            >
              {GUIDE_TYPES.map((g) => (
                <option key={g} value={g}>
                  {t(`guideType.${g}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label={t('fields.reason')} error={form.errors.reason}>
          {(p) => (
            <select
              {...p}
              className="input"
              value={v.reason}
              onChange={(e) => form.set('reason', e.target.value)}
            >
              <option value="">{t('form.none')}</option>
              {GUIDE_REASONS.map((g) => (
                <option key={g} value={g}>
                  {t(`guideReason.${g}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <Field
          form={form}
          name="issueDate"
          label={t('fields.issueDate')}
          type="date"
          required
          testId="issue-date"
        />
        <Field form={form} name="startDate" label={t('fields.transportStart')} type="date" />
        <Field
          form={form}
          name="endDate"
          label={t('fields.transportEnd')}
          type="date"
          min={v.startDate || undefined}
        />
        <Field
          form={form}
          name="originPlace"
          label={t('fields.originPlace')}
          hint={existing ? undefined : t('form.placesHint')}
        />
        <Field form={form} name="destinationPlace" label={t('fields.destinationPlace')} />
      </FormSection>
      <section className="card" aria-labelledby="rd-items-title">
        <h2 id="rd-items-title" className="section-title">
          {t('fields.items')}
        </h2>
        {items.length === 0 ? <p className="muted">{t('form.noItems')}</p> : null}
        {items.length > 0 ? (
          <table className="table rd-items">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('fields.quantity')}</th>
                <th scope="col">{t('fields.unit')}</th>
                <th scope="col">{t('fields.description')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('platform:actions.delete')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i, n) => (
                <tr key={i.key}>
                  <td>{n + 1}</td>
                  <td>
                    <input
                      className="input input--sm rd-items__qty"
                      inputMode="numeric"
                      aria-label={`${t('fields.quantity')} ${n + 1}`}
                      aria-invalid={form.errors[`items.${n}.quantity`] ? true : undefined}
                      value={i.quantity}
                      onChange={(e) => setItem(i.key, { quantity: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="input input--sm rd-items__unit"
                      maxLength={50}
                      aria-label={`${t('fields.unit')} ${n + 1}`}
                      value={i.unit}
                      onChange={(e) => setItem(i.key, { unit: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="input input--sm"
                      maxLength={300}
                      aria-label={`${t('fields.description')} ${n + 1}`}
                      aria-invalid={form.errors[`items.${n}.description`] ? true : undefined}
                      value={i.description}
                      onChange={(e) => setItem(i.key, { description: e.target.value })}
                    />
                    {form.errors[`items.${n}.description`] ||
                    form.errors[`items.${n}.quantity`] ||
                    form.errors[`items.${n}.assignmentId`] ? (
                      <p className="field__error">
                        {form.errors[`items.${n}.description`] ??
                          form.errors[`items.${n}.quantity`] ??
                          form.errors[`items.${n}.assignmentId`]}
                      </p>
                    ) : null}
                  </td>
                  <td>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={t('form.removeItem', { n: n + 1 })}
                      onClick={() => setItems(items.filter((x) => x.key !== i.key))}
                    >
                      <Icon name="close" />
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <div className="rd-items__add">
          <select
            className="input"
            aria-label={t('form.addEquipment')}
            value={pick}
            onChange={(e) => addEquipment(e.target.value)}
            disabled={equipment.length === 0}
            data-testid="add-equipment-item"
          >
            <option value="">{t('form.addEquipment')}…</option>
            {equipment.map((a) => (
              <option key={a.id} value={a.id}>
                {a.equipment.code} — {a.equipment.name}
              </option>
            ))}
          </select>
          <Button
            icon={<Icon name="plus" />}
            onClick={() =>
              setItems([
                ...items,
                { key: nextKey++, assignmentId: '', description: '', quantity: '1', unit: '' },
              ])
            }
          >
            {t('form.addItem')}
          </Button>
        </div>
      </section>
      <FormSection title={t('form.transport')}>
        <DriverVehiclePickers
          driverId={v.driverStaffId}
          driverName={v.carrierName}
          driverDni={v.carrierDni}
          driverError={form.errors.driverStaffId}
          vehicleId={v.vehicleId}
          vehiclePlate={v.vehiclePlate}
          vehicleError={form.errors.vehicleId}
          onDriver={(d) => {
            form.set('driverStaffId', d.id)
            form.set('carrierName', d.name)
            form.set('carrierDni', d.dni)
          }}
          onVehicle={(x) => {
            form.set('vehicleId', x.id)
            form.set('vehiclePlate', x.plate)
          }}
        />
        {/* the free text: a carrier outside the field staff (and what older guides printed) */}
        {v.driverStaffId ? null : (
          <>
            <Field form={form} name="carrierName" label={t('fields.carrierName')} testId="carrier" />
            <Field form={form} name="carrierDni" label={t('fields.carrierDni')} maxLength={20} />
          </>
        )}
        {v.vehicleId ? null : (
          <Field form={form} name="vehiclePlate" label={t('fields.vehiclePlate')} maxLength={20} />
        )}
        <Field form={form} name="dispatcherName" label={t('fields.dispatcherName')} />
        <Field form={form} name="dispatcherDni" label={t('fields.dispatcherDni')} maxLength={20} />
        <Field form={form} name="receiverName" label={t('fields.receiverName')} />
        <Field form={form} name="receiverDni" label={t('fields.receiverDni')} maxLength={20} />
        <Field form={form} name="contactName" label={t('fields.destinationContact')} />
        <Field
          form={form}
          name="contactPhone"
          label={t('fields.contactPhone')}
          maxLength={30}
          inputMode="tel"
        />
      </FormSection>
      <FormSection title={t('form.costs')} hint={t('form.billingHint')} last>
        <Field
          form={form}
          name="transportCost"
          label={t('fields.transportCost')}
          inputMode="decimal"
          maxLength={14}
          testId="transport-cost"
        />
        <Field
          form={form}
          name="transportDescription"
          label={t('fields.transportDescription')}
          maxLength={300}
        />
        <Field
          form={form}
          name="stowageCost"
          label={t('fields.stowageCost')}
          inputMode="decimal"
          maxLength={14}
        />
        <Field form={form} name="stowageDescription" label={t('fields.stowageDescription')} maxLength={300} />
        <Field form={form} name="notes" label={t('fields.notes')} type="textarea" wide maxLength={5000} />
      </FormSection>
    </DocForm>
  )
}

export const { NewPage: GuideNewPage, EditPage: GuideEditPage } = formPages(
  KIND,
  GuideForm,
  (start): Values => ({
    ...formStrings({}, FIELDS),
    projectId: start.projectId,
    guideType: 'exit',
    reason: 'rent',
    issueDate: start.today,
    startDate: start.today,
    dispatcherName: start.userName,
    transportCost: '0',
    transportDescription: 'TRANSPORTE',
    stowageCost: '0',
    stowageDescription: 'ESTIBA',
    items: [],
  }),
  fromDetail,
)

export const GuideDetailPage = () => {
  const { t, fmt, currency } = useDetailFormat()
  return (
    <DocumentDetail kind={KIND}>
      {(d) => (
        <>
          <section className="card">
            {d.billingSheetId ? (
              <p className="rd-notice" role="note">
                {t('detail.billedBy')}
              </p>
            ) : null}
            <dl className="dl-grid">
              <Item label={t('fields.guideType')}>{t(`guideType.${d.guideType}`)}</Item>
              <Item label={t('fields.reason')}>{d.reason ? t(`guideReason.${d.reason}`) : null}</Item>
              <Item label={t('fields.issueDate')}>{fmt.date(d.issueDate)}</Item>
              <Item label={t('fields.transportStart')}>{d.startDate ? fmt.date(d.startDate) : null}</Item>
              <Item label={t('fields.transportEnd')}>{d.endDate ? fmt.date(d.endDate) : null}</Item>
              <Item label={t('fields.originPlace')}>{d.originPlace}</Item>
              <Item label={t('fields.destinationPlace')}>{d.destinationPlace}</Item>
              <Item label={t('fields.carrierName')}>
                {[d.carrierName, d.carrierDni].filter(Boolean).join(' · ')}
              </Item>
              <Item label={t('fields.vehiclePlate')}>{d.vehiclePlate}</Item>
              <Item label={t('fields.dispatcherName')}>
                {[d.dispatcherName, d.dispatcherDni].filter(Boolean).join(' · ')}
              </Item>
              <Item label={t('fields.receiverName')}>
                {[d.receiverName, d.receiverDni].filter(Boolean).join(' · ')}
              </Item>
              <Item label={t('fields.destinationContact')}>
                {[d.contactName, d.contactPhone].filter(Boolean).join(' · ')}
              </Item>
              <Item label={`${t('fields.transportCost')} · ${d.transportDescription}`}>
                {fmt.money(d.transportCost, currency)}
              </Item>
              <Item label={`${t('fields.stowageCost')} · ${d.stowageDescription}`}>
                {fmt.money(d.stowageCost, currency)}
              </Item>
              <Item label={t('fields.createdBy')}>{d.createdBy?.name}</Item>
              <Item label={t('fields.notes')}>{pre(d.notes)}</Item>
            </dl>
          </section>
          <section className="card">
            <h2 className="section-title">{t('fields.items')}</h2>
            {d.items.length === 0 ? (
              <p className="muted">{t('form.noItems')}</p>
            ) : (
              <table className="table rd-table">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col" className="rd-num">
                      {t('fields.quantity')}
                    </th>
                    <th scope="col">{t('fields.unit')}</th>
                    <th scope="col">{t('fields.description')}</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((i) => (
                    <tr key={i.id}>
                      <td>{i.position}</td>
                      <td className="rd-num">{fmt.integer(i.quantity)}</td>
                      <td>{i.unit ?? '—'}</td>
                      <td>
                        {i.description}
                        {i.equipmentCode && !i.description.includes(i.equipmentCode) ? (
                          <span className="muted mono"> ({i.equipmentCode})</span>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <EGuideCard guide={d} />
        </>
      )}
    </DocumentDetail>
  )
}
