import { cleanup, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { TAuditEntry } from '@faena/contracts'
import { ES_EC, renderInApp, setupI18n } from '../../test/render'
import { AuditChanges, AuditDetail } from './audit-detail'

/**
 * The histories of the rental line as a person reads them (issue 8, finding 12): every field through the
 * module's labels, ids as the names the server resolved, codes translated, money, volumes and dates in the
 * organization's format, nested values spelled out — never a raw key or JSON.
 */

const PROJECT = '11111111-1111-4111-8111-111111111111'
const ASSIGNMENT = '22222222-2222-4222-8222-222222222222'
const DRIVER = '33333333-3333-4333-8333-333333333333'
const VEHICLE = '44444444-4444-4444-8444-444444444444'
const CLIENT = '55555555-5555-4555-8555-555555555555'
const EQUIPMENT = '66666666-6666-4666-8666-666666666666'
const SHEET = '77777777-7777-4777-8777-777777777777'

const entry = (over: Partial<TAuditEntry>): TAuditEntry => ({
  id: '1',
  at: '2026-03-10T18:00:00.000Z',
  actorId: null,
  actorEmail: 'ana@test',
  action: 'x',
  module: 'rental-documents',
  entityType: 'custody_chain',
  entityId: null,
  changes: [],
  data: null,
  refs: {},
  requestId: null,
  ip: null,
  userAgent: null,
  ...over,
})

const text = (el: Element) => (el.textContent ?? '').replace(/\s/g, ' ')
/** [label, before, after] of every row of the changes table. */
const rows = () =>
  screen.getAllByRole('row').flatMap((r) => {
    const th = within(r).queryByRole('rowheader')
    if (!th) return []
    return [[text(th), ...within(r).getAllByRole('cell').map(text)]]
  })
const noRawKeys = () => {
  const all = rows().flat().join(' ')
  expect(all).not.toMatch(/[{}"]/)
  expect(all).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/)
  expect(all).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/) // no camelCase field names or codes
}

afterEach(() => cleanup())

describe.each(['es', 'en'] as const)('rental histories (%s)', (lang) => {
  beforeAll(async () => {
    await setupI18n(lang, ['audit', 'rental-documents', 'rental-projects', 'rental-billing', 'field-staff'])
  })
  const es = lang === 'es'

  it('a custody chain: labels, the project and driver by name, waste types and volumes', async () => {
    await renderInApp(
      <AuditChanges
        entry={entry({
          action: 'rentalCustodyChain.created',
          changes: [
            { field: 'activityDate', old: null, new: '2026-02-05' },
            { field: 'driverStaffId', old: null, new: DRIVER },
            { field: 'vehicleId', old: null, new: VEHICLE },
            { field: 'volumeUnit', old: null, new: 'gallons' },
            { field: 'gallons', old: null, new: '1250.00' },
            { field: 'wasteTypes', old: null, new: ['blackWater', 'greyWater'] },
            { field: 'logisticsCost', old: null, new: '45.50' },
            { field: 'assignmentIds', old: null, new: [ASSIGNMENT] },
          ],
          refs: { [DRIVER]: 'Luis Andrade', [VEHICLE]: 'PBA-1234', [ASSIGNMENT]: 'Limpieza de baterías' },
        })}
      />,
      { org: ES_EC },
    )
    expect(rows()).toEqual(
      es
        ? [
            ['Fecha de la actividad', '—', '05/02/2026'],
            ['Conductor (personal de campo)', '—', 'Luis Andrade'],
            ['Vehículo', '—', 'PBA-1234'],
            ['Unidad digitada', '—', 'Galones'],
            ['Galones', '—', '1.250'],
            ['Tipo de agua / residuo', '—', 'Aguas negras, Aguas grises'],
            ['Costo de logística', '—', '$45,50'],
            ['Equipos y servicios atendidos', '—', 'Limpieza de baterías'],
          ]
        : [
            ['Activity date', '—', '05/02/2026'],
            ['Driver (field staff)', '—', 'Luis Andrade'],
            ['Vehicle', '—', 'PBA-1234'],
            ['Typed unit', '—', 'Gallons'],
            ['Gallons', '—', '1.250'],
            ['Water / waste type', '—', 'Black water, Grey water'],
            ['Logistics cost', '—', '$45,50'],
            ['Equipment and services attended', '—', 'Limpieza de baterías'],
          ],
    )
    noRawKeys()
  })

  it('a maintenance sheet: type, equipment by name, dates and money', async () => {
    await renderInApp(
      <AuditChanges
        entry={entry({
          entityType: 'maintenance_sheet',
          action: 'rentalMaintenanceSheet.updated',
          changes: [
            { field: 'maintenanceType', old: 'preventive', new: 'corrective' },
            { field: 'assignmentId', old: null, new: ASSIGNMENT },
            { field: 'costPerDay', old: '40.00', new: '55.00' },
            { field: 'replacedParts', old: null, new: 'Válvula de descarga' },
          ],
          refs: { [ASSIGNMENT]: 'BT-001 Batería sanitaria' },
        })}
      />,
      { org: ES_EC },
    )
    expect(rows()).toEqual(
      es
        ? [
            ['Tipo', 'Preventivo', 'Correctivo'],
            ['Equipo', '—', 'BT-001 Batería sanitaria'],
            ['Costo por día', '$40,00', '$55,00'],
            ['Repuestos reemplazados', '—', 'Válvula de descarga'],
          ]
        : [
            ['Type', 'Preventive', 'Corrective'],
            ['Equipment', '—', 'BT-001 Batería sanitaria'],
            ['Cost per day', '$40,00', '$55,00'],
            ['Replaced parts', '—', 'Válvula de descarga'],
          ],
    )
    noRawKeys()
  })

  it('a shipping guide: type and reason translated, the transport dates, items listed', async () => {
    await renderInApp(
      <AuditChanges
        entry={entry({
          entityType: 'shipping_guide',
          action: 'rentalShippingGuide.created',
          changes: [
            { field: 'guideType', old: null, new: 'exit' },
            { field: 'reason', old: null, new: 'rent' },
            { field: 'startDate', old: null, new: '2026-02-03' },
            { field: 'transportCost', old: null, new: '120.00' },
            { field: 'items', old: null, new: ['2 × Batería sanitaria', '1 u × Lavamanos'] },
          ],
        })}
      />,
      { org: ES_EC },
    )
    expect(rows()).toEqual(
      es
        ? [
            ['Tipo de guía', '—', 'Salida a proyecto'],
            ['Motivo', '—', 'Alquiler'],
            ['Inicio del traslado', '—', '03/02/2026'],
            ['Costo de transporte', '—', '$120,00'],
            ['Ítems', '—', '2 × Batería sanitaria, 1 u × Lavamanos'],
          ]
        : [
            ['Guide type', '—', 'Out to project'],
            ['Reason', '—', 'Rental'],
            ['Transport start', '—', '03/02/2026'],
            ['Transport cost', '—', '$120,00'],
            ['Items', '—', '2 × Batería sanitaria, 1 u × Lavamanos'],
          ],
    )
    noRawKeys()
  })

  it("a chain's scan: the action, the attachment and the typed volume spelled out", async () => {
    await renderInApp(
      <AuditDetail
        entry={entry({
          action: 'rentalCustodyChain.attachment_added',
          entityId: EQUIPMENT,
          changes: [{ field: 'attachments', old: null, new: 'planilla-p1.pdf' }],
          data: { page: 1, label: 'Escaneo, página 1 de 2', projectId: PROJECT },
          refs: { [EQUIPMENT]: '0000012', [PROJECT]: 'Campamento Norte' },
        })}
      />,
      { org: ES_EC },
    )
    expect(rows()).toEqual([[es ? 'Adjuntos' : 'Attachments', '—', 'planilla-p1.pdf']])
    const data = screen.getAllByRole('term').map(text)
    expect(data).toEqual(
      expect.arrayContaining(
        es
          ? ['Página del escaneo', 'Descripción del adjunto', 'Proyecto', 'Cadena de custodia']
          : ['Scan page', 'Attachment description', 'Project', 'Custody chain'],
      ),
    )
    expect(screen.getByText('Campamento Norte')).toBeTruthy()
    expect(screen.getByText('0000012')).toBeTruthy()
  })

  it('an assignment: the rate as money, the linked equipment by name, the frequency translated', async () => {
    await renderInApp(
      <AuditChanges
        entry={entry({
          module: 'rental-projects',
          entityType: 'rental_assignment',
          action: 'rental.assignment.updated',
          changes: [
            { field: 'dailyRate', old: '18.00', new: '20.50' },
            { field: 'frequency', old: 'daily', new: 'weekdays' },
            { field: 'linkedEquipmentId', old: null, new: EQUIPMENT },
            { field: 'operationEnd', old: null, new: '2026-02-28' },
          ],
          refs: { [EQUIPMENT]: 'BT-001 · BATERÍA SANITARIA' },
        })}
      />,
      { org: ES_EC },
    )
    expect(rows()).toEqual(
      es
        ? [
            ['Tarifa diaria', '$18,00', '$20,50'],
            ['Frecuencia', 'Diaria', 'Días de la semana'],
            ['Equipo vinculado', '—', 'BT-001 · BATERÍA SANITARIA'],
            ['Fin de operación', '—', '28/02/2026'],
          ]
        : [
            ['Daily rate', '$18,00', '$20,50'],
            ['Frequency', 'Daily', 'Weekdays'],
            ['Linked equipment', '—', 'BT-001 · BATERÍA SANITARIA'],
            ['Operation end', '—', '28/02/2026'],
          ],
    )
    noRawKeys()
  })

  it('equipment, a project and a client: codes translated, the client by name, contacts spelled out', async () => {
    await renderInApp(
      <>
        <AuditChanges
          entry={entry({
            module: 'rental-projects',
            entityType: 'rental_equipment',
            action: 'rental.equipment.updated',
            changes: [
              { field: 'condition', old: 'operative', new: 'in_repair' },
              { field: 'serialNumber', old: null, new: '000451' },
            ],
          })}
        />
        <AuditChanges
          entry={entry({
            module: 'rental-projects',
            entityType: 'rental_project',
            action: 'rental.project.created',
            changes: [
              { field: 'clientId', old: null, new: CLIENT },
              { field: 'cardinalPoint', old: null, new: 'north' },
            ],
            refs: { [CLIENT]: 'Petroamazonas EP' },
          })}
        />
        <AuditChanges
          entry={entry({
            module: 'rental-projects',
            entityType: 'rental_client',
            action: 'rental.client.updated',
            changes: [
              {
                field: 'contacts',
                old: [],
                new: [
                  { name: 'Ana Pérez', position: 'Supervisora', phone: '0991234567', email: null },
                  { name: 'Luis Mora', position: null, phone: null, email: null },
                ],
              },
            ],
          })}
        />
      </>,
      { org: ES_EC },
    )
    expect(rows()).toEqual(
      es
        ? [
            ['Estado', 'Operativo', 'En reparación'],
            ['Serie', '—', '000451'],
            ['Cliente', '—', 'Petroamazonas EP'],
            ['Punto cardinal', '—', 'Norte'],
            [
              'Contactos',
              '—',
              'Nombre: Ana Pérez; Cargo: Supervisora; Teléfono: 0991234567; Correo: — | Nombre: Luis Mora; Cargo: —; Teléfono: —; Correo: —',
            ],
          ]
        : [
            ['Condition', 'Operative', 'In repair'],
            ['Serial', '—', '000451'],
            ['Client', '—', 'Petroamazonas EP'],
            ['Cardinal point', '—', 'North'],
            [
              'Contacts',
              '—',
              'Name: Ana Pérez; Position: Supervisora; Phone: 0991234567; Email: — | Name: Luis Mora; Position: —; Phone: —; Email: —',
            ],
          ],
    )
    noRawKeys()
  })

  it('a field-staff person and a vehicle: their fields, the cédula and the year as typed', async () => {
    await renderInApp(
      <>
        <AuditChanges
          entry={entry({
            module: 'field-staff',
            entityType: 'field_staff',
            action: 'fieldStaff.updated',
            changes: [
              { field: 'lastNames', old: 'Andrade', new: 'Andrade Ruiz' },
              { field: 'cedula', old: null, new: '1710034065' },
              { field: 'active', old: true, new: false },
            ],
          })}
        />
        <AuditChanges
          entry={entry({
            module: 'field-staff',
            entityType: 'vehicle',
            action: 'vehicle.created',
            changes: [
              { field: 'plate', old: null, new: 'PBA-1234' },
              { field: 'year', old: null, new: 2024 },
            ],
          })}
        />
      </>,
      { org: ES_EC },
    )
    expect(rows()).toEqual(
      es
        ? [
            ['Apellidos', 'Andrade', 'Andrade Ruiz'],
            ['Cédula', '—', '1710034065'],
            ['Activo', 'Sí', 'No'],
            ['Placa', '—', 'PBA-1234'],
            ['Año', '—', '2024'],
          ]
        : [
            ['Last names', 'Andrade', 'Andrade Ruiz'],
            ['ID number (cédula)', '—', '1710034065'],
            ['Active', 'Yes', 'No'],
            ['Plate', '—', 'PBA-1234'],
            ['Year', '—', '2024'],
          ],
    )
    noRawKeys()
  })

  it('a billing sheet: the project by name, the period and the totals as money', async () => {
    await renderInApp(
      <AuditChanges
        entry={entry({
          module: 'rental-billing',
          entityType: 'billing_sheet',
          action: 'billing_sheet.updated',
          changes: [
            { field: 'periodEnd', old: '2026-01-31', new: '2026-02-28' },
            { field: 'total', old: '537.05', new: '612.30' },
            { field: 'projectId', old: null, new: PROJECT },
          ],
          refs: { [PROJECT]: 'Campamento Norte', [SHEET]: 'PSL-PS-2026-0001' },
        })}
      />,
      { org: ES_EC },
    )
    expect(rows()).toEqual(
      es
        ? [
            ['Fin del período', '31/01/2026', '28/02/2026'],
            ['Total', '$537,05', '$612,30'],
            ['Proyecto', '—', 'Campamento Norte'],
          ]
        : [
            ['Period end', '31/01/2026', '28/02/2026'],
            ['Total', '$537,05', '$612,30'],
            ['Project', '—', 'Campamento Norte'],
          ],
    )
    noRawKeys()
  })
})
