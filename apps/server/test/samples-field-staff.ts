import type { ModuleSamples, SampleHelpers } from './samples'

/**
 * Sample records of the field-staff module (in demo-rental) and a valid body per route: its own technician
 * and vehicle with a document each, a vaccine and a scan, so the demo seed's records stay as they are.
 */
export async function fieldStaffSamples(h: SampleHelpers): Promise<ModuleSamples> {
  if (!h.hasRoute('/api/v1/rental/staff')) return { ids: {}, bodies: {} }
  const kinds = (await h.get('/api/v1/rental/compliance/kinds')).items as {
    id: string
    ownerKind: string
    code: string
  }[]
  const kind = (owner: string, code: string) =>
    kinds.find((k) => k.ownerKind === owner && k.code === code)!.id
  const person = await h.post('/api/v1/rental/staff', {
    firstNames: 'Técnico',
    lastNames: 'Muestra',
    cedula: '0102030400',
  })
  const vehicle = await h.post('/api/v1/rental/vehicles', { plate: 'PMU-0001', brand: 'Muestra' })
  const licence = await h.post(`/api/v1/rental/staff/${person.id}/documents`, {
    kindId: kind('staff', 'licence'),
    expiresOn: '2027-01-31',
  })
  const registration = await h.post(`/api/v1/rental/vehicles/${vehicle.id}/documents`, {
    kindId: kind('vehicle', 'registration'),
    expiresOn: '2027-01-31',
  })
  const vaccine = await h.post(`/api/v1/rental/staff/${person.id}/vaccines`, {
    vaccine: 'Tétanos',
    doseNumber: 1,
    appliedOn: '2025-01-10',
  })
  const sampleKind = await h.post('/api/v1/rental/compliance/kinds', {
    ownerKind: 'vehicle',
    name: 'Tipo de muestra',
  })
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
  const staffFile = await h.upload(`/api/v1/rental/staff/${person.id}/files`, 'cedula.pdf', pdf)
  const vehicleFile = await h.upload(`/api/v1/rental/vehicles/${vehicle.id}/files`, 'matricula.pdf', pdf)
  return {
    ids: {
      '/api/v1/rental/staff/:id': person.id,
      '/api/v1/rental/vehicles/:id': vehicle.id,
      ':kindId': sampleKind.id,
      '/api/v1/rental/staff :documentId': licence.id,
      '/api/v1/rental/vehicles :documentId': registration.id,
      '/api/v1/rental/staff :vaccineId': vaccine.id,
      '/api/v1/rental/staff :fileRowId': staffFile.id,
      '/api/v1/rental/vehicles :fileRowId': vehicleFile.id,
    },
    bodies: {
      'POST /api/v1/rental/staff': { firstNames: 'Otra', lastNames: 'Muestra', cedula: '0912345675' },
      'PATCH /api/v1/rental/staff/:id': { phone: '0990000000' },
      'POST /api/v1/rental/staff/:id/vaccines': {
        vaccine: 'Tétanos',
        doseNumber: 2,
        appliedOn: '2025-02-10',
      },
      'POST /api/v1/rental/staff/:id/documents': {
        kindId: kind('staff', 'medical'),
        expiresOn: '2027-03-01',
      },
      'PATCH /api/v1/rental/staff/:id/documents/:documentId': { number: 'L-1' },
      'POST /api/v1/rental/staff/:id/files': undefined,
      'POST /api/v1/rental/vehicles': { plate: 'PMU-0002' },
      'PATCH /api/v1/rental/vehicles/:id': { model: 'Muestra' },
      'POST /api/v1/rental/vehicles/:id/documents': {
        kindId: kind('vehicle', 'insurance'),
        expiresOn: '2027-03-01',
      },
      'PATCH /api/v1/rental/vehicles/:id/documents/:documentId': { number: 'M-1' },
      'POST /api/v1/rental/vehicles/:id/files': undefined,
      'POST /api/v1/rental/compliance/kinds': { ownerKind: 'staff', name: 'Curso de muestra' },
      'PATCH /api/v1/rental/compliance/kinds/:kindId': { name: 'Tipo de muestra renombrado' },
      'PUT /api/v1/rental/compliance/alerts': { enabled: false, hour: 7, recipients: [] },
      'POST /api/v1/rental/compliance/alerts/send': undefined,
    },
  }
}
