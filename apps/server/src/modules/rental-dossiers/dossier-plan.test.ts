import { describe, expect, it } from 'vitest'
import {
  fileNamePart,
  printedNumber,
  projectDossierFileName,
  projectDossierFiles,
  sheetDossierFileName,
  skippedLines,
} from './dossier-plan'

describe('dossier file names', () => {
  it('drops accents, turns anything else into one underscore, trims and cuts', () => {
    expect(fileNamePart('Petróleos del Sur S.A.', 40)).toBe('Petroleos_del_Sur_S_A')
    expect(fileNamePart('  Ñandú / "Cía" <x> ', 40)).toBe('Nandu_Cia_x')
    expect(fileNamePart('a'.repeat(60), 40)).toHaveLength(40)
    expect(fileNamePart('abc def', 4)).toBe('abc')
    expect(fileNamePart('../../', 40)).toBe('SIN_NOMBRE')
  })
  it('sheet: Expediente_{series}_{client 40}; project: Documentos_{client 50}_{scope}', () => {
    expect(sheetDossierFileName('PSL-PS-2026-1000', 'Petróleos del Sur S.A.')).toBe(
      'Expediente_PSL-PS-2026-1000_Petroleos_del_Sur_S_A.pdf',
    )
    expect(projectDossierFileName('Cliente Ñ', 'custody_chains')).toBe(
      'Documentos_Cliente_N_custody_chains.pdf',
    )
    expect(printedNumber(12)).toBe('00000012')
  })
})

describe('project dossier order', () => {
  const sheets = [
    {
      seriesCode: 'PSL-PS-2026-1001',
      periodStart: '2026-02-01',
      invoiceFileId: 'inv-feb',
      invoiceName: 'f2.pdf',
    },
    {
      seriesCode: 'PSL-PS-2026-1000',
      periodStart: '2026-01-01',
      invoiceFileId: 'inv-jan',
      invoiceName: 'f1.pdf',
    },
    { seriesCode: 'PSL-PS-2026-1002', periodStart: '2026-03-01', invoiceFileId: null },
  ]
  const chains = [
    {
      number: 3,
      attachments: [
        { fileId: 'c3a', name: 'a.pdf' },
        { fileId: 'c3b', name: 'b.pdf' },
      ],
    },
    { number: 5, attachments: [] },
    { number: 4, attachments: [{ fileId: 'c4', name: 'c.pdf' }] },
  ]
  const guides = [{ number: 9, attachments: [{ fileId: 'g9', name: 'g.pdf' }] }]

  it('all: invoices by period start, then chains (as given) with files in upload order, then guides', () => {
    expect(
      projectDossierFiles('all', sheets, chains, guides).map((f) => `${f.kind}:${f.ref}:${f.fileId}`),
    ).toEqual([
      'invoice:PSL-PS-2026-1000:inv-jan',
      'invoice:PSL-PS-2026-1001:inv-feb',
      'chain:00000003:c3a',
      'chain:00000003:c3b',
      'chain:00000004:c4',
      'guide:00000009:g9',
    ])
  })
  it('each scope keeps only its part', () => {
    const ids = (scope: Parameters<typeof projectDossierFiles>[0]) =>
      projectDossierFiles(scope, sheets, chains, guides).map((f) => f.fileId)
    expect(ids('sheet_files')).toEqual(['inv-jan', 'inv-feb'])
    expect(ids('custody_chains')).toEqual(['c3a', 'c3b', 'c4'])
    expect(ids('shipping_guides')).toEqual(['g9'])
    expect(projectDossierFiles('all', [], [], [])).toEqual([])
  })
})

describe('the list of skipped parts', () => {
  it('names each part left out with its reason; included parts are not listed', () => {
    expect(
      skippedLines([
        { kind: 'sheet', ref: 'PSL-PS-2026-1000', name: null, source: 'generated', pages: 2, skipped: null },
        {
          kind: 'chain',
          ref: '00000012',
          name: 'scan.pdf',
          source: 'uploaded',
          pages: 0,
          skipped: 'unreadable',
        },
        {
          kind: 'invoice',
          ref: '001-001-1',
          name: 'f.docx',
          source: 'uploaded',
          pages: 0,
          skipped: 'unsupported',
        },
        {
          kind: 'certificate',
          ref: 'PSL-CDF-1',
          name: null,
          source: 'generated',
          pages: 0,
          skipped: 'failed',
        },
      ]),
    ).toEqual([
      'Cadena de custodia 00000012 (scan.pdf): no se pudo leer (PDF dañado o cifrado)',
      'Factura 001-001-1 (f.docx): no es un PDF ni una imagen',
      'Certificado de disposición final PSL-CDF-1: no se pudo generar',
    ])
  })
})
