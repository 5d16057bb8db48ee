import { readFile } from 'node:fs/promises'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  ZImportRejected,
  type TConcept,
  type TConceptFacets,
  type TConceptImportSummary,
} from '@faena/contracts'
import { contractWorkbook, pueRow, pueWorkbook, PUE_SHEET } from '../../../test/concept-workbooks'
import {
  BUILT_CONTRACT_COUNTS,
  REAL_CONTRACT_COUNTS,
  type ContractWorkbookCounts,
} from '../../../test/contract-workbook-counts'
import { contractWorkbookFixture } from '../../../test/fixtures/contract-workbook'
import { askExport, exportViaJob, jobStatusFor } from '../../../test/export-jobs'
import { createTestApp, type TestApp } from '../../../test/harness'
import { postFile } from '../../../test/multipart'
import { describeRealFiles, realFixturePath } from '../../../test/real-fixtures'
import { readRows } from '../../platform/spreadsheet/read-workbook'
import { lookupConcepts } from './index'

let t: TestApp
let manager: string
let viewer: string
let operator: string
let rentalAdmin: string
let offshore: string
let contractBytes: Buffer

const upload = (cookie: string, bytes: Buffer, fields: Record<string, string>, filename = 'catalogo.xlsx') =>
  postFile(t, cookie, '/api/v1/concepts/import', filename, bytes, fields)

const importFile = async (
  cookie: string,
  kind: 'contract' | 'extraordinary',
  bytes: Buffer,
  filename?: string,
) => {
  const res = await upload(cookie, bytes, { kind }, filename)
  return {
    status: res.statusCode,
    summary: JSON.parse(res.body) as TConceptImportSummary & { error?: { code: string } },
  }
}

const get = async <T = unknown>(cookie: string, url: string) => {
  const res = await t.app.inject({ method: 'GET', url, headers: { cookie } })
  return {
    status: res.statusCode,
    body: (res.headers['content-type']?.toString().includes('json') ? JSON.parse(res.body) : undefined) as T,
    raw: res.rawPayload,
    headers: res.headers,
  }
}
type List = { items: TConcept[]; total: number }

async function countConcepts(kind?: 'ordinary' | 'extraordinary') {
  let q = t.db
    .selectFrom('contract_concepts')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', offshore)
  if (kind) q = q.where('kind', '=', kind)
  return Number((await q.executeTakeFirstOrThrow()).n)
}
async function countAudit(action: string) {
  const r = await t.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('org_id', '=', offshore)
    .where('action', '=', action)
    .executeTakeFirstOrThrow()
  return Number(r.n)
}

/** The contract workbook under test with one cell changed (sheet, address, value). */
async function editedContract(sheet: string, address: string, value: ExcelJS.CellValue): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(contractBytes as unknown as ArrayBuffer)
  const ws = wb.getWorksheet(sheet)
  if (!ws) throw new Error(`no sheet ${sheet}`)
  ws.getCell(address).value = value
  return Buffer.from(await wb.xlsx.writeBuffer())
}

async function openSession(): Promise<void> {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
  viewer = await t.login('viewer@offshore.test')
  operator = await t.login('operator@offshore.test')
  rentalAdmin = await t.login('admin@rental.test')
  offshore = await t.orgId('demo-offshore')
}

beforeAll(async () => {
  await openSession()
  contractBytes = await contractWorkbookFixture()
})
afterAll(async () => t.close())

/** What a contract workbook gives when imported: its counts, and more skipped rows than so many. */
type ContractExpectations = ContractWorkbookCounts & { skippedMoreThan: number }

/** The built workbook (test/fixtures/contract-workbook.ts). */
const BUILT: ContractExpectations = { ...BUILT_CONTRACT_COUNTS, skippedMoreThan: 99 }

/**
 * Import, re-import, a changed price, and the catalog read back (list, detail, facets, export), for the
 * contract workbook in `contractBytes` imported into an empty catalog.
 */
function contractCatalogSuites(e: ContractExpectations): void {
  describe('contract workbook import', () => {
    it(`creates exactly ${e.concepts.toLocaleString('en-US')} ordinary concepts in C-2 … C-6 the first time`, async () => {
      expect(await countConcepts()).toBe(0)
      const { status, summary } = await importFile(
        manager,
        'contract',
        contractBytes,
        'ANEXO_C_CONTRATO.xlsx',
      )
      expect(status).toBe(200)
      expect(summary).toMatchObject({
        kind: 'contract',
        fileName: 'ANEXO_C_CONTRATO.xlsx',
        status: 'saved',
        concepts: e.concepts,
        created: e.concepts,
        updated: 0,
        unchanged: 0,
        notInFile: 0,
        errors: [],
      })
      expect(summary.created + summary.updated + summary.unchanged).toBe(summary.concepts)
      expect(summary.annexes).toEqual(e.perAnnex.map(({ annex, concepts }) => ({ annex, concepts })))
      // title and section rows are skipped, not failed
      expect(summary.skipped).toBeGreaterThan(e.skippedMoreThan)
      expect(summary.skippedByReason).toMatchObject({ annexTitle: 7, section: e.sectionHeadings, total: 7 })
      // the one line repeated inside a sub-annex is kept, and said
      expect(summary.notes).toEqual([
        { sheet: 'Anexo C-4-1', row: 17, message: expect.stringMatching(/Repite la fila 11/) as string },
      ])
      expect(await countConcepts('ordinary')).toBe(e.concepts)
      expect(await countAudit('concept_catalog.imported')).toBe(1)
    })

    it('changes nothing when the same file is imported again', async () => {
      const updatedBefore = await countAudit('concept.updated')
      const { status, summary } = await importFile(manager, 'contract', contractBytes)
      expect(status).toBe(200)
      expect(summary).toMatchObject({
        concepts: e.concepts,
        created: 0,
        updated: 0,
        unchanged: e.concepts,
        notInFile: 0,
      })
      expect(await countConcepts()).toBe(e.concepts)
      expect(await countAudit('concept.updated')).toBe(updatedBefore)
    })

    // two whole imports of the workbook (1,464 concepts for the real file): minutes on a loaded machine
    it('a changed price is an update, audited field by field', { timeout: 180_000 }, async () => {
      // Anexo C-2-CR row 10: 2.1. Tubo de acero al carbón de 8"Ø … P.U. MN 11,813.30 → 11,900.25
      const bytes = await editedContract('Anexo C-2-CR', 'F10', 11900.25)
      const { status, summary } = await importFile(manager, 'contract', bytes)
      expect(status).toBe(200)
      expect(summary).toMatchObject({
        concepts: e.concepts,
        created: 0,
        updated: 1,
        unchanged: e.concepts - 1,
      })
      const list = await get<List>(
        manager,
        '/api/v1/concepts?kind=ordinary&annex=C-2&q=2.1.&sort=code&limit=5',
      )
      const tubo = list.body.items.find((c) => c.code === '2.1.')
      expect(tubo).toMatchObject({ unitPriceMxn: '11900.25', quantity: '76', annex: 'C-2', unit: 'M' })
      const audit = await t.db
        .selectFrom('audit_log')
        .orderBy('id')
        .selectAll()
        .where('org_id', '=', offshore)
        .where('action', '=', 'concept.updated')
        .where('entity_id', '=', tubo?.id ?? '')
        .execute()
      expect(audit).toHaveLength(1)
      expect(audit[0]?.changes).toEqual([{ field: 'unitPriceMxn', old: '11813.3', new: '11900.25' }])
      expect(audit[0]?.actor_email).toBe('manager@offshore.test')
      // and back: the original file updates it again
      const back = await importFile(manager, 'contract', contractBytes)
      expect(back.summary).toMatchObject({ updated: 1, unchanged: e.concepts - 1 })
    })
  })

  describe('the catalog list, detail, facets and export', () => {
    it('lists with kind, annex, search, sort and pagination', async () => {
      const all = await get<List>(viewer, '/api/v1/concepts?kind=ordinary&limit=10')
      expect(all.status).toBe(200)
      expect(all.body.total).toBe(e.concepts)
      expect(all.body.items.map((c) => c.code).slice(0, 3)).toEqual(['2.1.', '2.2.', '2.3.'])

      const c41 = await get<List>(viewer, '/api/v1/concepts?annex=c-4-1&limit=100')
      expect(c41.body.total).toBe(e.perAnnex.find((a) => a.annex === 'C-4-1')?.concepts)
      const operario = c41.body.items.filter((c) => c.description === 'OPERARIO ESPECIALISTA.')
      expect(operario.map((c) => [c.code, c.occurrence])).toEqual([
        ['4.7', 1],
        ['4.7.', 2],
      ])

      // search ignores case and accents; codes compare as shown
      const buceo = await get<List>(
        viewer,
        `/api/v1/concepts?q=${encodeURIComponent('cámara de descompresion')}`,
      )
      expect(
        buceo.body.items.some((c) => c.code === '3.646.' && c.unit === 'DÍA' && c.unitPriceUsd === '3358.13'),
      ).toBe(true)

      const natural = await get<List>(viewer, '/api/v1/concepts?annex=C-2&sort=code&limit=12')
      expect(natural.body.items.map((c) => c.code)).toEqual([
        '2.1.',
        '2.2.',
        '2.3.',
        '2.4.',
        '2.5.',
        '2.6.',
        '2.7.',
        '2.8.',
        '2.9.',
        '2.10.',
        '2.11.',
        '2.12.',
      ])

      const priciest = await get<List>(viewer, '/api/v1/concepts?sort=unitPriceMxn&dir=desc&limit=3')
      const prices = priciest.body.items.map((c) => Number(c.unitPriceMxn))
      expect(prices).toEqual([...prices].sort((a, b) => b - a))

      const page2 = await get<List>(viewer, '/api/v1/concepts?kind=ordinary&limit=10&offset=10')
      expect(page2.body.items[0]?.code).toBe('2.11.')
      expect(page2.body.total).toBe(e.concepts)
    })

    it('returns one concept, and the facets', async () => {
      const list = await get<List>(viewer, '/api/v1/concepts?annex=C-6&limit=1')
      const first = list.body.items[0]
      const one = await get<TConcept>(viewer, `/api/v1/concepts/${first?.id ?? ''}`)
      expect(one.status).toBe(200)
      expect(one.body).toMatchObject({
        kind: 'ordinary',
        annex: 'C-6',
        code: '6.1.',
        unit: 'HOM/DÍA',
        quantity: '1049146',
        unitPriceMxn: '475',
      })
      expect(one.body.unitId).toMatch(/^[0-9a-f-]{36}$/)
      const facets = await get<TConceptFacets>(viewer, '/api/v1/concepts/facets')
      expect(facets.body.counts.ordinary).toBe(e.concepts)
      expect(facets.body.annexes.map((a) => a.annex)).toEqual([
        'C-2',
        'C-3',
        'C-4',
        'C-4-1',
        'C-5',
        'C-5-1',
        'C-6',
      ])
    })

    it('exports what is shown as Excel, both currencies, as a job', async () => {
      const res = await exportViaJob(t, viewer, '/api/v1/concepts/export', { kind: 'ordinary', annex: 'C-6' })
      expect(res.job.kind).toBe('concepts.export')
      expect(res.run).toMatchObject({ done: 4, total: 4 })
      expect(res.contentDisposition).toContain('conceptos-ordinarios.xlsx')
      const rows = []
      for await (const r of readRows(Buffer.from(res.raw))) rows.push(r.cells)
      expect(rows[0]?.slice(0, 8)).toEqual([
        'TIPO',
        'ANEXO',
        'PARTIDA',
        'CONCEPTO',
        'UNIDAD',
        'CANTIDADES DE REFERENCIA',
        'P.U. M.N.',
        'P.U. USD',
      ])
      expect(rows).toHaveLength(5)
      expect(rows[1]?.slice(0, 3)).toEqual(['Ordinario', 'C-6', '6.1.'])
      // the list's order and values, both currencies
      const list = await get<List>(viewer, '/api/v1/concepts?kind=ordinary&annex=C-6&limit=10')
      expect(rows.slice(1).map((r) => r[2])).toEqual(list.body.items.map((c) => c.code))
      const first = list.body.items[0]!
      expect(rows[1]?.slice(6, 8)).toEqual([Number(first.unitPriceMxn), Number(first.unitPriceUsd)])
    })

    it('exports in the requester language: headers, labels and file name in English', async () => {
      await setLocale(viewer, 'en')
      try {
        const res = await exportViaJob(t, viewer, '/api/v1/concepts/export', {
          kind: 'ordinary',
          annex: 'C-6',
        })
        expect(res.contentDisposition).toContain('ordinary-concepts.xlsx')
        const rows = []
        for await (const r of readRows(Buffer.from(res.raw))) rows.push(r.cells)
        expect(rows[0]?.slice(0, 5)).toEqual(['KIND', 'ANNEX', 'ITEM', 'CONCEPT', 'UNIT'])
        expect(rows[1]?.slice(0, 3)).toEqual(['Ordinary', 'C-6', '6.1.'])
      } finally {
        await setLocale(viewer, 'es')
      }
    })

    it('the export job is seen by its requester and the admin only; bad filters are a 400', async () => {
      const res = await exportViaJob(t, viewer, '/api/v1/concepts/export', { q: 'nada-coincide-con-esto' })
      expect(res.run).toMatchObject({ done: 0, total: 0 })
      const admin = await t.login('admin@offshore.test')
      expect(await jobStatusFor(t, admin, res.job.id)).toEqual({ run: 200, result: 200 })
      expect(await jobStatusFor(t, manager, res.job.id)).toEqual({ run: 404, result: 404 })
      expect(await jobStatusFor(t, rentalAdmin, res.job.id)).toEqual({ run: 404, result: 404 })
      const bad = await askExport(t, viewer, '/api/v1/concepts/export', { kind: 'nope', limit: 5 })
      expect(bad.status).toBe(400)
      expect(bad.body.error.details.map((d: { path: string }) => d.path)).toContain('kind')
    })
  })
}

/** lookupConcepts on the imported contract catalog (and the one-row-or-more PUE catalog with C3EXT-0001). */
function lookupSuite(): void {
  describe('lookupConcepts (for the per-work-order Anexo C import)', () => {
    it('matches rows and explains the near misses', async () => {
      const rental = await t.orgId('demo-rental')
      const keys = [
        { code: '4.7', description: 'operario especialista.', unit: 'jornada', annex: 'C-4-1' },
        { code: '4.7.', description: 'OPERARIO ESPECIALISTA.', unit: 'JORNADA' },
        {
          code: 2.1,
          description: 'Tubo de acero al carbón de 8"Ø, XS, cédula 80, espesor de pared 0.500',
          unit: 'M',
        },
        { code: '2.1.', description: 'Tubo de acero inoxidable', unit: 'M' },
        {
          code: '2.1.',
          description: 'Tubo de acero al carbón de 8"Ø, XS, cédula 80, espesor de pared 0.500',
          unit: 'PIEZA',
        },
        {
          code: '2.9999',
          description: 'Tubo de acero al carbón de 8"Ø, XS, cédula 80, espesor de pared 0.500',
          unit: 'M',
        },
        { code: '99.1', description: 'No existe', unit: 'M' },
        { code: 'C3EXT-0001', description: 'CONCEPTO EXTRAORDINARIO 0', unit: 'PIEZA' },
      ]
      const r = await lookupConcepts(t.db, offshore, keys)
      expect(
        r.map((x) =>
          x.found
            ? `found ${x.concept.annex} ${x.concept.code} ${x.concept.occurrence}`
            : x.reasons.join('+'),
        ),
      ).toEqual([
        'found C-4-1 4.7 1',
        'found C-4 4.7. 1',
        'found C-2 2.1. 1',
        'description_differs',
        'unit_differs',
        'wrong_code',
        'not_found',
        'found C-7 C3EXT-0001 1',
      ])
      const first = r[0]
      expect(first?.found && first.alternatives.map((c) => `${c.annex} ${c.occurrence}`)).toEqual([
        'C-4-1 2',
        'C-4 1',
      ])
      const tubo = r[2]
      expect(tubo?.found && [tubo.concept.unitPriceMxn, tubo.concept.unitId !== null]).toEqual([
        '11813.3',
        true,
      ])
      // another organization's catalog is not searched
      expect((await lookupConcepts(t.db, rental, keys)).every((x) => !x.found)).toBe(true)
    })
  })
}

const setLocale = async (cookie: string, locale: 'es' | 'en') => {
  const res = await t.app.inject({
    method: 'PATCH',
    url: '/api/v1/auth/me/preferences',
    headers: { cookie },
    payload: { locale },
  })
  expect(res.statusCode).toBe(200)
}

describe('on the built contract workbook (the layout of ANEXO_C_CONTRATO.xlsx)', () => {
  contractCatalogSuites(BUILT)
})

describe('contract workbook import: refusals', () => {
  it('rejects a file with error rows: 422, every bad row listed, nothing saved', async () => {
    const before = await countConcepts()
    const importsBefore = await countAudit('concept_catalog.imported')
    // a good new concept, a negative price, a text price, an unknown unit, a priced row without code
    const bytes = await contractWorkbook({
      concepts: 6,
      annexes: [9],
      edit: (i, row) => {
        const r = [...row]
        if (i === 1) r[5] = -5
        if (i === 2) r[5] = 'diez'
        if (i === 3) r[3] = 'BARRIL'
        if (i === 4) r[1] = null
        return r
      },
    })
    const res = await upload(manager, bytes, { kind: 'contract' })
    expect(res.statusCode).toBe(422)
    const { details } = ZImportRejected.parse(JSON.parse(res.body)).error
    expect(details.rows.map((e) => [e.sheet, e.row, e.field])).toEqual([
      ['Anexo C-9-CR', 10, 'unitPriceMxn'],
      ['Anexo C-9-CR', 11, 'unitPriceMxn'],
      ['Anexo C-9-CR', 12, 'unit'],
      ['Anexo C-9-CR', 13, 'code'],
    ])
    expect(details.rows[0]?.messages).toEqual(['P.U. MN: valor negativo -5'])
    expect(details.rows[2]?.messages[0]).toMatch(/La unidad 'BARRIL' no existe/)
    expect(details.rows[1]?.values).toMatchObject({ PARTIDA: '9.3.', 'P.U. MN': 'diez' })
    // 6 concepts in the file: the unknown unit is a concept row, the three others are not read as concepts
    expect(details).toMatchObject({ reason: 'rows', badRowCount: 4, validRowCount: 2 })
    expect(await countConcepts()).toBe(before)
    expect(await countAudit('concept_catalog.imported')).toBe(importsBefore)
  })

  it('rejects what is not a workbook, and asks for the kind', async () => {
    const pdf = await upload(manager, Buffer.from('%PDF-1.4\n%%EOF\n'), { kind: 'contract' }, 'x.pdf')
    expect(pdf.statusCode).toBe(415)
    expect(JSON.parse(pdf.body).error.details[0].path).toBe('file')
    const noKind = await upload(manager, contractBytes, {})
    expect(noKind.statusCode).toBe(400)
    expect(JSON.parse(noKind.body).error.details[0].path).toBe('kind')
    const badKind = await upload(manager, contractBytes, { kind: 'otro' })
    expect(badKind.statusCode).toBe(400)
    // a workbook without any catalog sheet
    const wb = new ExcelJS.Workbook()
    wb.addWorksheet('Hoja1').addRow(['Nada que importar'])
    const empty = await upload(manager, Buffer.from(await wb.xlsx.writeBuffer()), { kind: 'contract' })
    expect(empty.statusCode).toBe(422)
    expect(ZImportRejected.parse(JSON.parse(empty.body)).error.details.rows).toMatchObject([
      { row: 0, field: 'header' },
    ])
  })
  it('speaks the caller language: the refusals of a file in English', async () => {
    await setLocale(manager, 'en')
    try {
      const pdf = await upload(manager, Buffer.from('%PDF-1.4\n%%EOF\n'), { kind: 'contract' }, 'x.pdf')
      expect(pdf.statusCode).toBe(415)
      expect(JSON.parse(pdf.body).error).toMatchObject({
        key: 'concepts.notXlsx',
        message: 'The file is not an Excel workbook (.xlsx)',
        details: [
          { path: 'file', message: 'Upload an Excel .xlsx workbook (the old .xls format is not accepted)' },
        ],
      })
      const noKind = await upload(manager, contractBytes, {})
      expect(JSON.parse(noKind.body).error).toMatchObject({
        key: 'concepts.chooseCatalog',
        message: 'Say which catalog the file holds',
      })
      const wb = new ExcelJS.Workbook()
      wb.addWorksheet('Sheet1').addRow(['Nothing to import'])
      const empty = await upload(manager, Buffer.from(await wb.xlsx.writeBuffer()), { kind: 'contract' })
      expect(empty.statusCode).toBe(422)
      expect(ZImportRejected.parse(JSON.parse(empty.body)).error.message).toMatch(/^1 row with errors in /)
      expect(ZImportRejected.parse(JSON.parse(empty.body)).error.details.rows[0]?.messages[0]).toMatch(
        /^No sheet has a header row with PARTIDA, CONCEPTO, UNIDAD and P\.U\. MN/,
      )
      // the rows: a negative price (a parser message) and an unknown unit (the service's)
      const bad = await contractWorkbook({
        concepts: 3,
        annexes: [9],
        edit: (i, row) => {
          const r = [...row]
          if (i === 1) r[5] = -5
          if (i === 2) r[3] = 'BARRIL'
          return r
        },
      })
      const rows = ZImportRejected.parse(JSON.parse((await upload(manager, bad, { kind: 'contract' })).body))
        .error.details.rows
      expect(rows.map((r) => r.messages)).toEqual([
        ['P.U. MN: negative value -5'],
        [
          "Unit 'BARRIL' is not in the units of measure catalog (add it in Catalogs → Units of measure or fix the file)",
        ],
      ])
    } finally {
      await setLocale(manager, 'es')
    }
  })
})

describe('PUE workbook import (synthetic, 3,000 rows, docs/imports.md#pue-workbook shape)', () => {
  const ROWS = 3000
  let bytes: Buffer
  beforeAll(async () => {
    bytes = await pueWorkbook(Array.from({ length: ROWS }, (_, i) => pueRow(i)))
  })

  it('creates one extraordinary concept per row, then changes nothing on re-import', async () => {
    const first = await importFile(manager, 'extraordinary', bytes, 'ANEXO_C_PUES.xlsx')
    expect(first.status).toBe(200)
    expect(first.summary).toMatchObject({
      kind: 'extraordinary',
      concepts: ROWS,
      created: ROWS,
      updated: 0,
      unchanged: 0,
      errors: [],
    })
    expect(await countConcepts('extraordinary')).toBe(ROWS)
    expect(await countConcepts('ordinary')).toBe(BUILT.concepts)
    const again = await importFile(manager, 'extraordinary', bytes)
    expect(again.summary).toMatchObject({ created: 0, updated: 0, unchanged: ROWS })
  })

  it('keeps codes as text, joins rich text and line breaks, and stores converted PUEs with their ordinary code', async () => {
    const converted = await get<List>(viewer, '/api/v1/concepts?kind=extraordinary&q=C3EXT-0001')
    expect(converted.body.items[0]).toMatchObject({
      kind: 'extraordinary',
      code: 'C3EXT-0001',
      annex: 'C-7',
      convertedCode: '1C-007.',
      unitPriceMxn: '1000',
      unitPriceUsd: '12.34',
      quantity: '1.5',
      proposalNumber: 'BME-3801-000-2024',
      workOrderNumber: 'OT-801-24-000',
      sanctionDate: '2024-01-01',
      status: null,
    })
    const rich = await get<List>(viewer, '/api/v1/concepts?kind=extraordinary&q=C2EXT-0008')
    expect(rich.body.items[0]?.description).toBe('SUMINISTRO DE TUBO 7 EN PLATAFORMA')
    const broken = await get<List>(viewer, '/api/v1/concepts?kind=extraordinary&q=C4EXT-0004')
    expect(broken.body.items[0]?.description).toBe('SERVICIO 3 CON LÍNEA NUEVA')
    const cancelled = await get<List>(viewer, '/api/v1/concepts?kind=extraordinary&status=cancelled&limit=1')
    expect(cancelled.body.total).toBe(ROWS / 4)
    const byOt = await get<List>(viewer, '/api/v1/concepts?kind=extraordinary&q=ot-801-24-002')
    expect(byOt.body.total).toBeGreaterThan(0)
  })

  it('a changed PUE status is an update; a bad row rejects the whole file', async () => {
    const rows = Array.from({ length: ROWS }, (_, i) => pueRow(i))
    const changed = rows.map((r, i) => (i === 5 ? { ...r, ESTATUS: 'AUTORIZADO' } : r))
    const upd = await importFile(manager, 'extraordinary', await pueWorkbook(changed))
    expect(upd.summary).toMatchObject({ created: 0, updated: 1, unchanged: ROWS - 1 })
    const before = await countConcepts()
    const bad = rows.map((r, i) =>
      i === 10 ? { ...r, 'PARTIDA EXT': 'C3EXT-97' } : i === 20 ? { ...r, 'FECHA SANCION': '31/02/2024' } : r,
    )
    const extra = [...bad, pueRow(ROWS)] // a new row that would be created
    const rejected = await upload(manager, await pueWorkbook(extra), { kind: 'extraordinary' })
    expect(rejected.statusCode).toBe(422)
    const { details } = ZImportRejected.parse(JSON.parse(rejected.body)).error
    expect(details.rows.map((e) => [e.sheet, e.row, e.field])).toEqual([
      [PUE_SHEET, 12, 'code'],
      [PUE_SHEET, 22, 'sanctionDate'],
    ])
    expect(await countConcepts()).toBe(before)
  })
})

describe('access and tenancy', () => {
  it('403 for roles without concept.import; reading is for every role', async () => {
    for (const cookie of [viewer, operator]) {
      const res = await upload(cookie, contractBytes, { kind: 'contract' })
      expect(res.statusCode).toBe(403)
    }
    expect((await get(operator, '/api/v1/concepts?limit=1')).status).toBe(200)
  })

  it("404 for another organization's concept; its lists are its own", async () => {
    const mine = await get<List>(viewer, '/api/v1/concepts?limit=1')
    const id = mine.body.items[0]?.id ?? ''
    expect((await get(rentalAdmin, `/api/v1/concepts/${id}`)).status).toBe(404)
    const theirs = await get<List>(rentalAdmin, '/api/v1/concepts?limit=1')
    expect(theirs.body.total).toBe(0)
    expect((await get(viewer, '/api/v1/concepts/00000000-0000-0000-0000-000000000000')).status).toBe(404)
  })
})

lookupSuite()

describeRealFiles('ANEXO_C_CONTRATO.xlsx', () => {
  // its own app and database: the helpers' session is swapped for the suite and restored after it
  let saved: [TestApp, Buffer, string, string, string, string, string]
  beforeAll(async () => {
    saved = [t, contractBytes, manager, viewer, operator, rentalAdmin, offshore]
    await openSession()
    contractBytes = await readFile(realFixturePath('excel/ANEXO_C_CONTRATO.xlsx'))
  })
  afterAll(async () => {
    await t.close()
    ;[t, contractBytes, manager, viewer, operator, rentalAdmin, offshore] = saved
  })

  contractCatalogSuites({ ...REAL_CONTRACT_COUNTS, skippedMoreThan: 250 })

  describe('with a PUE catalog', () => {
    beforeAll(async () => {
      const pue = await importFile(manager, 'extraordinary', await pueWorkbook([pueRow(0)]))
      expect(pue.status).toBe(200)
    })
    lookupSuite()
  })
})
