import type { ModuleSamples, SampleHelpers } from './samples'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

/** Sample records of the rental-documents module (in demo-rental) and a valid body per route. */
export async function rentalDocumentSamples(h: SampleHelpers): Promise<ModuleSamples> {
  if (!h.hasRoute('/api/v1/rental/custody-chains')) return { ids: {}, bodies: {} }
  const projects = await h.get('/api/v1/rental/projects?status=open&limit=50')
  const project = projects.items[0]
  const assignments = (await h.get(`/api/v1/rental/projects/${project.id}/assignments`)).items as {
    id: string
    kind: string
    status: string
  }[]
  const service = assignments.find((a) => a.kind === 'service' && a.status === 'active') ?? assignments[0]!
  const equipment = assignments.find((a) => a.kind === 'equipment') ?? assignments[0]!
  const date = project.startDate as string

  const maintenance = {
    projectId: project.id,
    assignmentId: equipment.id,
    startDate: date,
    costPerDay: '40.00',
  }
  const chain = {
    projectId: project.id,
    activityDate: date,
    assignmentIds: [service.id],
    volumeUnit: 'gallons',
    volume: '180',
  }
  const guide = {
    projectId: project.id,
    issueDate: date,
    items: [{ description: 'Batería sanitaria', quantity: 1 }],
  }

  const ids: Record<string, string> = {}
  for (const [path, body] of [
    ['/api/v1/rental/maintenance-sheets', maintenance],
    ['/api/v1/rental/custody-chains', chain],
    ['/api/v1/rental/shipping-guides', guide],
  ] as const) {
    const doc = await h.post(path, body)
    ids[`${path}/:id`] = doc.id
    const att = await h.upload(`${path}/${doc.id}/attachments`, 'firmada.pdf', PDF)
    ids[`${path} :attachmentId`] = att.id
  }
  return {
    ids,
    bodies: {
      // multipart (`ids`, `file`): the matrix sends no body
      'POST /api/v1/rental/custody-chains/scan-pages': undefined,
      'POST /api/v1/rental/maintenance-sheets': maintenance,
      'PATCH /api/v1/rental/maintenance-sheets/:id': { technicianName: 'Técnico muestra' },
      'POST /api/v1/rental/maintenance-sheets/:id/void': { reason: 'Muestra' },
      'POST /api/v1/rental/custody-chains': chain,
      'PATCH /api/v1/rental/custody-chains/:id': { driverName: 'Chofer muestra' },
      'POST /api/v1/rental/custody-chains/:id/cancel': { reason: 'Muestra' },
      'POST /api/v1/rental/shipping-guides': guide,
      'PATCH /api/v1/rental/shipping-guides/:id': { carrierName: 'Transportista muestra' },
      'POST /api/v1/rental/shipping-guides/:id/void': { reason: 'Muestra' },
    },
  }
}
