import { describe, expect, it } from 'vitest'
import { shippingGuideRideDefinition } from './ride-pdf'
import type { ShippingGuideDocument } from './shipping-guide-xml'

const doc: ShippingGuideDocument = {
  environment: '1',
  issuer: {
    ruc: '1792146739001',
    businessName: 'Servicios Demo S.A.',
    tradeName: null,
    mainAddress: 'Av. Amazonas, Quito',
    keepsAccounts: true,
  },
  establishment: '001',
  emissionPoint: '001',
  sequential: 7,
  accessKey: '0502202606179214673900110010010000000071234567810',
  origin: 'Bodega Quito',
  carrier: { idType: '05', id: '1710034065', name: 'Juan Pérez', plate: 'PBA-1234' },
  transportStart: '2026-02-04',
  transportEnd: '2026-02-05',
  recipient: {
    id: '1790011674001',
    name: 'Ing. Receptor',
    address: 'Bloque 16',
    reason: 'Renta de equipos',
    route: null,
  },
  items: [
    { code: 'BT-1', description: 'Batería sanitaria', quantity: 2 },
    { code: null, description: 'Lavamanos', quantity: 1 },
  ],
  additional: [{ name: 'Guía', value: 'GR-001' }],
}

/** every string in a pdfmake definition, in order */
const texts = (v: unknown): string[] =>
  typeof v === 'string'
    ? [v]
    : Array.isArray(v)
      ? v.flatMap(texts)
      : v && typeof v === 'object'
        ? Object.entries(v).flatMap(([k, x]) => (k === 'qr' || k === 'info' ? [] : texts(x)))
        : []

describe('the RIDE of a guía de remisión', () => {
  it('names the guide, its access key, carrier, plate, dates and every item; a test watermark', () => {
    const def = shippingGuideRideDefinition(doc, {
      status: 'authorized',
      number: '001-001-000000007',
      authorizationNumber: doc.accessKey,
      authorizedAt: '05/02/2026 10:00',
      certificateIsTest: true,
    })
    const all = texts(def.content).join(' ')
    for (const s of [
      'GUÍA DE REMISIÓN No. 001-001-000000007',
      doc.accessKey,
      'Juan Pérez',
      '1710034065',
      'PBA-1234',
      'Bodega Quito',
      'Bloque 16',
      '04/02/2026',
      '05/02/2026',
      'Batería sanitaria',
      'Lavamanos',
      'BT-1',
      'AUTORIZADA',
    ])
      expect(all).toContain(s)
    expect(def.watermark).toBeDefined()
  })
})
