import Decimal from 'decimal.js'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  TAnnexImportDetail,
  TAnnexImportList,
  TImportRejected,
  TImportRejection,
  TWorkOrderConcepts,
} from '@faena/contracts'
import {
  annexCWorkbook,
  multipartFile,
  rowsFromCatalog,
  type AnnexRow,
  type AnnexWorkbookOptions,
  type CatalogItem,
} from '../../../test/annex-c-workbooks'
import { contractWorkbook } from '../../../test/concept-workbooks'
import { createTestApp, type TestApp } from '../../../test/harness'

let t: TestApp
let manager: string
let viewer: string
let supervisor: string
let rentalAdmin: string
/** ordinary concepts of the catalog imported for these tests, by code order */
let catalog: CatalogItem[]
let clientId: string
let managerId: string

type Res = {
  statusCode: number
  body: string
  json: <T = Record<string, unknown>>() => T
  rawPayload: Buffer
  headers: Record<string, unknown>
}

async function call(method: 'GET' | 'POST', url: string, cookie: string, payload?: unknown): Promise<Res> {
  const res = await t.app.inject({
    method,
    url,
    headers: { cookie },
    ...(payload === undefined ? {} : { payload: payload as object }),
  })
  return {
    statusCode: res.statusCode,
    body: res.body,
    json: <T>() => JSON.parse(res.body) as T,
    rawPayload: res.rawPayload,
    headers: res.headers,
  }
}

async function upload(
  workOrderId: string,
  bytes: Buffer,
  cookie = manager,
  fileName = 'anexo-c.xlsx',
): Promise<Res> {
  const { payload, contentType } = multipartFile(fileName, bytes)
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/work-orders/${workOrderId}/annex-imports`,
    headers: { cookie, 'content-type': contentType },
    payload,
  })
  return {
    statusCode: res.statusCode,
    body: res.body,
    json: <T>() => JSON.parse(res.body) as T,
    rawPayload: res.rawPayload,
    headers: res.headers,
  }
}

let woCounter = 0
async function newWorkOrder(): Promise<string> {
  woCounter++
  const res = await call('POST', '/api/v1/work-orders', manager, {
    number: `OT-ANEXO-${String(woCounter).padStart(3, '0')}`,
    description: 'OT para pruebas del Anexo C',
    clientId,
    projectManagerId: managerId,
    plannedStart: '2026-03-01',
    plannedEnd: '2026-03-31',
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json<{ id: string }>().id
}

const concepts = async (id: string) =>
  (await call('GET', `/api/v1/work-orders/${id}/concepts`, manager)).json<TWorkOrderConcepts>()
const history = async (id: string) =>
  (await call('GET', `/api/v1/work-orders/${id}/annex-imports`, manager)).json<TAnnexImportList>()

/** Rows 0..n-1 of the catalog with volume 10 + i and a programme on two March days. */
const goodRows = (n: number): AnnexRow[] =>
  rowsFromCatalog(
    catalog.slice(0, n),
    (i) => 10 + i,
    (i) => ({ '2026-03-02': 1 + i, '2026-03-03': i % 2 === 0 ? 0 : 2.5 }),
  )
const DATES = ['2026-03-02', '2026-03-03']

async function expectRejected(id: string, bytes: Buffer): Promise<TImportRejection> {
  const before = await history(id)
  const res = await upload(id, bytes)
  expect(res.statusCode, res.body).toBe(422)
  const err = res.json<TImportRejected>().error
  expect(err.code).toBe('VALIDATION')
  // nothing saved
  expect((await history(id)).total).toBe(before.total)
  return err
}

/** The error workbook of a rejection, read back: header row and data rows as text. */
async function errorWorkbook(err: TImportRejection) {
  expect(err.details.errorWorkbookFileId).toBeTruthy()
  const res = await call('GET', `/api/v1/files/${err.details.errorWorkbookFileId}`, manager)
  expect(res.statusCode).toBe(200)
  expect(String(res.headers['content-disposition'])).toContain('Errores_Importacion_')
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer)
  const ws = wb.getWorksheet('Errores Importacion')!
  const rows: string[][] = []
  ws.eachRow((row) =>
    rows.push(
      (row.values as ExcelJS.CellValue[])
        .slice(1)
        .map((v) =>
          v instanceof Date
            ? v.toISOString().slice(0, 10)
            : typeof v === 'object' && v !== null
              ? JSON.stringify(v)
              : String(v ?? ''),
        ),
    ),
  )
  return { header: rows[0] ?? [], data: rows.slice(1) }
}

beforeAll(async () => {
  t = await createTestApp()
  manager = await t.login('manager@offshore.test')
  viewer = await t.login('viewer@offshore.test')
  supervisor = await t.login('supervisor@offshore.test')
  rentalAdmin = await t.login('admin@rental.test')
  // the contract catalog: 24 ordinary concepts in C-2 and C-3 (every third one with a USD price)
  const { payload, contentType } = multipartFile(
    'contrato.xlsx',
    await contractWorkbook({ concepts: 24, annexes: [2, 3] }),
  )
  const imp = await t.app.inject({
    method: 'POST',
    url: '/api/v1/concepts/import',
    headers: { cookie: manager, 'content-type': contentType },
    payload: Buffer.concat([
      Buffer.from(`--faenaAnnexBoundary\r\nContent-Disposition: form-data; name="kind"\r\n\r\ncontract\r\n`),
      payload,
    ]),
  })
  expect(imp.statusCode, imp.body).toBe(200)
  catalog = (await call('GET', '/api/v1/concepts?kind=ordinary&limit=100&sort=code', manager)).json<{
    items: CatalogItem[]
  }>().items
  expect(catalog.length).toBe(24)
  clientId = (await call('GET', '/api/v1/catalogs/clients?clientType=CONTRATO&limit=1', manager)).json<{
    items: { id: string }[]
  }>().items[0]!.id
  managerId = (await call('GET', '/api/v1/catalogs/project-managers?limit=1', manager)).json<{
    items: { id: string }[]
  }>().items[0]!.id
})
afterAll(async () => t?.close())

describe('Anexo C versions of a work order', () => {
  it('speaks the caller language: a second confirmation is refused in English', async () => {
    const setLocale = async (locale: 'es' | 'en') => {
      const res = await t.app.inject({
        method: 'PATCH',
        url: '/api/v1/auth/me/preferences',
        headers: { cookie: manager },
        payload: { locale },
      })
      expect(res.statusCode).toBe(200)
    }
    const id = await newWorkOrder()
    const v1 = (await upload(id, await annexCWorkbook(goodRows(2)))).json<TAnnexImportDetail>()
    await call('POST', `/api/v1/work-orders/${id}/annex-imports/${v1.id}/confirm`, manager)
    await setLocale('en')
    try {
      const again = await call('POST', `/api/v1/work-orders/${id}/annex-imports/${v1.id}/confirm`, manager)
      expect(again.statusCode).toBe(409)
      expect(again.json<{ error: { key: string; message: string } }>().error).toMatchObject({
        key: 'workOrderConcepts.onlyPendingConfirmed',
        message: 'Only a version waiting for confirmation can be confirmed',
      })
    } finally {
      await setLocale('es')
    }
    const es = await call('POST', `/api/v1/work-orders/${id}/annex-imports/${v1.id}/discard`, manager)
    expect(es.json<{ error: { message: string } }>().error.message).toBe(
      'Solo se descarta una versión pendiente de confirmación',
    )
  })

  it('a good file becomes a pending version with its diff; confirming makes it the active one', async () => {
    const id = await newWorkOrder()
    const rows = goodRows(6)
    rows[1]!.priceMxn = 1 // the catalog price (> 0) wins over the file's
    const res = await upload(id, await annexCWorkbook(rows, { dates: DATES }))
    expect(res.statusCode, res.body).toBe(201)
    const pending = res.json<TAnnexImportDetail>()
    expect(pending).toMatchObject({
      version: 1,
      status: 'pending_confirmation',
      conceptCount: 6,
      plannedDayCount: 9,
      baseVersion: null,
      changes: { added: 6, removed: 0, changed: 0, unchanged: 0 },
      createdBy: { name: expect.any(String) },
    })
    expect(pending.diff.added.map((l) => l.code)).toEqual(
      catalog.slice(0, 6).map((c) => c.code.toUpperCase()),
    )
    expect(pending.reading).toMatchObject({
      sheet: 'ANEXO C',
      headerRowNumber: 1,
      scheduleDates: DATES,
      hasOkColumn: false,
    })

    // exact totals: Σ volume × catalog price
    const expected = catalog.slice(0, 6).reduce(
      (acc, c, i) => ({
        mxn: acc.mxn.plus(new Decimal(10 + i).times(c.unitPriceMxn)),
        usd: acc.usd.plus(new Decimal(10 + i).times(c.unitPriceUsd)),
      }),
      { mxn: new Decimal(0), usd: new Decimal(0) },
    )
    expect(pending.totals).toEqual({ mxn: expected.mxn.toFixed(), usd: expected.usd.toFixed() })

    // not in force yet
    let current = await concepts(id)
    expect(current.activeImport).toBeNull()
    expect(current.pendingImport?.id).toBe(pending.id)
    expect(current.items).toEqual([])

    const confirmed = await call(
      'POST',
      `/api/v1/work-orders/${id}/annex-imports/${pending.id}/confirm`,
      manager,
    )
    expect(confirmed.statusCode, confirmed.body).toBe(200)
    expect(confirmed.json<TAnnexImportDetail>()).toMatchObject({
      status: 'active',
      confirmedBy: { name: expect.any(String) },
    })

    current = await concepts(id)
    expect(current.activeImport?.version).toBe(1)
    expect(current.pendingImport).toBeNull()
    expect(current.items).toHaveLength(6)
    expect(current.totals).toEqual(pending.totals)
    expect(current.scheduleDates).toEqual(DATES)
    const second = current.items[1]!
    expect(second.unitPriceMxn).toBe(new Decimal(catalog[1]!.unitPriceMxn).toFixed())
    expect(second.amountMxn).toBe(new Decimal(11).times(catalog[1]!.unitPriceMxn).toFixed())
    expect(second.plannedByDay).toEqual({ '2026-03-02': '2', '2026-03-03': '2.5' })
    expect(current.items[0]!.plannedByDay).toEqual({ '2026-03-02': '1' })
    expect(current.items.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6])

    // confirming twice is refused
    const again = await call('POST', `/api/v1/work-orders/${id}/annex-imports/${pending.id}/confirm`, manager)
    expect(again.statusCode).toBe(409)

    // audited in the same transaction
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', pending.id)
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['annex_import.created', 'annex_import.confirmed'])
  })

  it('a second import shows added, removed, volume and price changes; confirming supersedes the first version', async () => {
    const id = await newWorkOrder()
    // concept 0 has a USD price in the catalog (i % 3 === 0); concept 1 has none, so its USD price comes from the file
    const first = goodRows(5)
    first[1]!.priceUsd = 3.25
    const v1 = (await upload(id, await annexCWorkbook(first, { dates: DATES }))).json<TAnnexImportDetail>()
    expect(
      (await call('POST', `/api/v1/work-orders/${id}/annex-imports/${v1.id}/confirm`, manager)).statusCode,
    ).toBe(200)

    const next = goodRows(6).filter((_, i) => i !== 4) // row 4 removed, row 5 added
    next[0]!.volume = 99.5 // volume change
    next[1]!.priceUsd = 4 // price change (from the file: the catalog USD price is 0)
    next[2]!.planned = { '2026-03-02': 7 } // programme change only
    const res = await upload(id, await annexCWorkbook(next, { dates: DATES }))
    expect(res.statusCode, res.body).toBe(201)
    const v2 = res.json<TAnnexImportDetail>()
    expect(v2).toMatchObject({
      version: 2,
      baseVersion: 1,
      changes: { added: 1, removed: 1, changed: 3, unchanged: 1 },
    })
    expect(v2.diff.added.map((l) => l.code)).toEqual([catalog[5]!.code.toUpperCase()])
    expect(v2.diff.removed.map((l) => l.code)).toEqual([catalog[4]!.code.toUpperCase()])
    const byCode = new Map(v2.diff.changed.map((c) => [c.after.code, c]))
    expect(byCode.get(catalog[0]!.code.toUpperCase())?.volume).toEqual({
      from: '10',
      to: '99.5',
      delta: '89.5',
    })
    expect(byCode.get(catalog[1]!.code.toUpperCase())?.priceUsd).toEqual({
      from: '3.25',
      to: '4',
      delta: '0.75',
    })
    expect(byCode.get(catalog[2]!.code.toUpperCase())).toMatchObject({ plannedChanged: true })
    expect(byCode.get(catalog[2]!.code.toUpperCase())?.volume).toBeUndefined()
    expect(new Decimal(v2.diff.totals.delta.mxn).eq(new Decimal(v2.totals.mxn).minus(v1.totals.mxn))).toBe(
      true,
    )

    // the active version stays in force until the confirmation
    expect((await concepts(id)).activeImport?.version).toBe(1)
    expect(
      (await call('POST', `/api/v1/work-orders/${id}/annex-imports/${v2.id}/confirm`, manager)).statusCode,
    ).toBe(200)
    const now = await concepts(id)
    expect(now.activeImport?.version).toBe(2)
    expect(now.items.find((c) => c.code === catalog[0]!.code.toUpperCase())?.authorizedVolume).toBe('99.5')

    const list = await history(id)
    expect(list.total).toBe(2)
    expect(list.items.map((v) => [v.version, v.status])).toEqual([
      [2, 'active'],
      [1, 'superseded'],
    ])
    expect(list.items[1]!.supersededAt).toBeTruthy()
    expect(list.items[0]!.changes).toEqual({ added: 1, removed: 1, changed: 3, unchanged: 1 })

    // the version detail keeps its diff
    const detail = await call('GET', `/api/v1/work-orders/${id}/annex-imports/${v2.id}`, manager)
    expect(detail.json<TAnnexImportDetail>().diff.changed).toHaveLength(3)
  })

  it('discarding a pending version leaves the active one; a newer upload replaces a pending one', async () => {
    const id = await newWorkOrder()
    const v1 = (await upload(id, await annexCWorkbook(goodRows(3)))).json<TAnnexImportDetail>()
    await call('POST', `/api/v1/work-orders/${id}/annex-imports/${v1.id}/confirm`, manager)
    const v2 = (await upload(id, await annexCWorkbook(goodRows(4)))).json<TAnnexImportDetail>()
    const v3 = (await upload(id, await annexCWorkbook(goodRows(5)))).json<TAnnexImportDetail>()
    expect(v3).toMatchObject({ version: 3, baseVersion: 1, changes: { added: 2 } })
    const v2now = (
      await call('GET', `/api/v1/work-orders/${id}/annex-imports/${v2.id}`, manager)
    ).json<TAnnexImportDetail>()
    expect(v2now.status).toBe('discarded')
    expect(
      (await call('POST', `/api/v1/work-orders/${id}/annex-imports/${v2.id}/confirm`, manager)).statusCode,
    ).toBe(409)

    const discarded = await call('POST', `/api/v1/work-orders/${id}/annex-imports/${v3.id}/discard`, manager)
    expect(discarded.statusCode, discarded.body).toBe(200)
    expect(discarded.json<TAnnexImportDetail>()).toMatchObject({
      status: 'discarded',
      discardedBy: { name: expect.any(String) },
    })
    const now = await concepts(id)
    expect(now.activeImport?.version).toBe(1)
    expect(now.pendingImport).toBeNull()
    expect(now.items).toHaveLength(3)
    // discarded versions keep their header, not their lines
    const lines = await t.db
      .selectFrom('work_order_concepts')
      .select(['import_id'])
      .where('work_order_id', '=', id)
      .execute()
    expect(new Set(lines.map((l) => l.import_id))).toEqual(new Set([v1.id]))
  })

  it('finds the table below the first row of a non-first sheet, prefers an "ANEXO C" sheet, reads text date headers and the OK column', async () => {
    const id = await newWorkOrder()
    const rows = goodRows(4)
    rows.forEach((r, i) => (r.ok = i === 2 ? 'NO' : 'OK'))
    const bytes = await annexCWorkbook(rows, {
      sheetName: 'Copia de ANEXO C (rev 2)',
      sheetsBefore: ['Portada', 'Resumen'],
      headerRow: 7,
      dates: DATES,
      textDates: true,
      okColumn: true,
    })
    const res = await upload(id, bytes)
    expect(res.statusCode, res.body).toBe(201)
    const v = res.json<TAnnexImportDetail>()
    expect(v.reading).toMatchObject({
      sheet: 'Copia de ANEXO C (rev 2)',
      headerRowNumber: 7,
      hasOkColumn: true,
      scheduleDates: DATES,
    })
    expect(v.reading.skipped.notOk).toBe(1)
    expect(v.conceptCount).toBe(3)
    await call('POST', `/api/v1/work-orders/${id}/annex-imports/${v.id}/confirm`, manager)
    const now = await concepts(id)
    expect(now.items.map((c) => c.ok)).toEqual([true, true, true])
    expect(now.items.map((c) => c.position)).toEqual([1, 2, 4])
  })

  describe('each rejection (docs/work-order-concepts.md#reading-the-workbook) answers 422, saves nothing and (for rows) offers the error workbook', () => {
    let id: string
    beforeAll(async () => {
      id = await newWorkOrder()
      const v1 = (await upload(id, await annexCWorkbook(goodRows(2)))).json<TAnnexImportDetail>()
      await call('POST', `/api/v1/work-orders/${id}/annex-imports/${v1.id}/confirm`, manager)
    })
    afterAll(async () => {
      // the active version is untouched by every rejected upload
      const now = await concepts(id)
      expect(now.activeImport?.version).toBe(1)
      expect(now.items).toHaveLength(2)
    })

    const rowCase = async (
      edit: (rows: AnnexRow[]) => void,
      reason: RegExp,
      options: AnnexWorkbookOptions = {},
    ) => {
      const rows = goodRows(3)
      edit(rows)
      const err = await expectRejected(id, await annexCWorkbook(rows, { dates: DATES, ...options }))
      expect(err.details.reason).toBe('rows')
      expect(err.details.badRowCount).toBe(1)
      expect(err.details.validRowCount).toBe(2)
      expect(err.details.rows[0]!.row).toBe((options.headerRow ?? 1) + 2)
      expect(err.details.rows[0]!.messages.join(' | ')).toMatch(reason)
      const wb = await errorWorkbook(err)
      expect(wb.header[0]).toBe('OBSERVACIONES_SISTEMA')
      expect(wb.header.slice(1, 8)).toEqual([
        'ANEXO',
        'PARTIDA',
        'CONCEPTO',
        'UNIDAD',
        'VOLUMEN PTE',
        'P.U. M.N.',
        'P.U. USD',
      ])
      expect(wb.data).toHaveLength(1)
      expect(wb.data[0]![0]).toMatch(reason)
      expect(wb.data[0]![2]).toBe(String(rows[1]!.code))
      return { err, wb }
    }

    it('unknown unit', async () => {
      await rowCase((r) => (r[1]!.unit = 'BARRILES'), /Unidad 'BARRILES' no existe en el sistema/)
    })
    it('wrong description', async () => {
      await rowCase(
        (r) => (r[1]!.description = 'UNA DESCRIPCIÓN QUE NO ES LA DEL CATÁLOGO'),
        /DESCRIPCI[ÓO]N DIFERENTE/,
      )
    })
    it('wrong unit (a unit of the catalog, not the concept’s)', async () => {
      const other = catalog[0]!.unit === 'TON' ? 'PIEZA' : 'TON'
      await rowCase((r) => (r[1]!.unit = r[1]!.unit === other ? 'M2' : other), /UNIDAD DIFERENTE/)
    })
    it('code typo (the description exists under another code)', async () => {
      await rowCase((r) => (r[1]!.code = '9.99.'), /C[ÓO]DIGO INCORRECTO/)
    })
    it('not in the catalog', async () => {
      await rowCase((r) => {
        r[1]!.code = '9.98.'
        r[1]!.description = 'CONCEPTO INEXISTENTE'
      }, /NO ENCONTRADO/)
    })
    it('a negative or non-numeric volume', async () => {
      await rowCase((r) => (r[1]!.volume = 'doce'), /Valor no numérico en VOLUMEN PTE/)
      await rowCase((r) => (r[1]!.volume = -3), /Valor negativo en VOLUMEN PTE/)
    })
    it('a header below the first row keeps the row numbers of the sheet', async () => {
      await rowCase((r) => (r[1]!.unit = 'BARRILES'), /no existe en el sistema/, { headerRow: 5 })
    })

    it('missing ANEXO column (file-level: no workbook)', async () => {
      const err = await expectRejected(id, await annexCWorkbook(goodRows(3), { omit: ['ANEXO'] }))
      expect(err.message).toBe('Falta la columna obligatoria: ANEXO')
      expect(err.details).toMatchObject({ reason: 'MISSING_ANEXO', rows: [] })
      expect(err.details.errorWorkbookFileId).toBeUndefined()
    })
    it('an OK column with no OK rows', async () => {
      const rows = goodRows(3)
      rows.forEach((r) => (r.ok = 'NO'))
      const err = await expectRejected(id, await annexCWorkbook(rows, { okColumn: true }))
      expect(err.details.reason).toBe('NO_VALID_ROWS')
      expect(err.message).toContain('Se detectó columna OK')
    })
    it('no table with the required headers', async () => {
      const err = await expectRejected(id, await annexCWorkbook(goodRows(3), { omit: ['VOLUMEN PTE'] }))
      expect(err.details.reason).toBe('NO_TABLE')
      expect(err.message).toContain('No se encontró tabla válida')
    })
    it('not a workbook at all → 415', async () => {
      const res = await upload(id, Buffer.from('%PDF-1.4\n%%EOF\n'), manager, 'anexo.pdf')
      expect(res.statusCode).toBe(415)
    })
    it('speaks the caller language: the reasons, file errors and warnings in English', async () => {
      const setLocale = async (locale: 'es' | 'en') => {
        const res = await t.app.inject({
          method: 'PATCH',
          url: '/api/v1/auth/me/preferences',
          headers: { cookie: manager },
          payload: { locale },
        })
        expect(res.statusCode).toBe(200)
      }
      await setLocale('en')
      try {
        const unknownUnit = goodRows(3)
        unknownUnit[1]!.unit = 'BARRILES'
        const err = await expectRejected(id, await annexCWorkbook(unknownUnit, { dates: DATES }))
        expect(err.details.rows[0]!.messages).toEqual(["Unit 'BARRILES' does not exist in the system."])
        const negative = goodRows(3)
        negative[1]!.volume = -3
        const neg = await expectRejected(id, await annexCWorkbook(negative, { dates: DATES }))
        expect(neg.details.rows[0]!.messages).toEqual(["Negative value in VOLUMEN PTE: '-3'."])
        const noAnnex = await expectRejected(id, await annexCWorkbook(goodRows(3), { omit: ['ANEXO'] }))
        expect(noAnnex.message).toBe('The required column is missing: ANEXO')
        const pdf = await upload(id, Buffer.from('%PDF-1.4\n%%EOF\n'), manager, 'anexo.pdf')
        expect(pdf.json<{ error: { message: string } }>().error.message).toBe(
          'The file is not an Excel workbook (.xlsx or .xlsm).',
        )
        // a concept twice: the version is saved (in a work order of its own) with a warning
        const twice = goodRows(2)
        twice.push({ ...twice[0]! })
        const other = await newWorkOrder()
        const res = await upload(other, await annexCWorkbook(twice, { dates: DATES }))
        expect(res.statusCode, res.body).toBe(201)
        expect(res.json<TAnnexImportDetail>().reading.warnings).toEqual([
          expect.stringMatching(/^Item .+ appears in rows 2 and 4\.$/),
        ])
      } finally {
        await setLocale('es')
      }
    })
  })

  it('the family view shows the authorized volumes of each version', async () => {
    const id = await newWorkOrder()
    const v1 = (await upload(id, await annexCWorkbook(goodRows(4)))).json<TAnnexImportDetail>()
    await call('POST', `/api/v1/work-orders/${id}/annex-imports/${v1.id}/confirm`, manager)
    const family = await call('GET', `/api/v1/work-orders/${id}/family`, manager)
    expect(family.statusCode, family.body).toBe(200)
    const versions = family.json<{ versions: { id: string; authorizedVolumes: unknown }[] }>().versions
    expect(versions[0]!.authorizedVolumes).toEqual({
      concepts: 4,
      amountMxn: v1.totals.mxn,
      amountUsd: v1.totals.usd,
      added: 0,
      removed: 0,
      changed: 0,
    })
  })

  it('permissions and tenancy: 403 without concept.import, 404 for another organization', async () => {
    const id = await newWorkOrder()
    const bytes = await annexCWorkbook(goodRows(2))
    expect((await upload(id, bytes, viewer)).statusCode).toBe(403)
    expect((await upload(id, bytes, supervisor)).statusCode).toBe(403)
    expect((await call('GET', `/api/v1/work-orders/${id}/concepts`, viewer)).statusCode).toBe(200)
    expect((await upload(id, bytes, rentalAdmin)).statusCode).toBe(404)
    expect((await call('GET', `/api/v1/work-orders/${id}/concepts`, rentalAdmin)).statusCode).toBe(404)
    expect((await call('GET', `/api/v1/work-orders/${id}/annex-imports`, rentalAdmin)).statusCode).toBe(404)
    expect((await upload('00000000-0000-4000-8000-000000000000', bytes)).statusCode).toBe(404)
    const v = (await upload(id, bytes)).json<TAnnexImportDetail>()
    expect(
      (await call('POST', `/api/v1/work-orders/${id}/annex-imports/${v.id}/confirm`, rentalAdmin)).statusCode,
    ).toBe(404)
    const otherWo = await newWorkOrder()
    expect(
      (await call('POST', `/api/v1/work-orders/${otherWo}/annex-imports/${v.id}/confirm`, manager))
        .statusCode,
    ).toBe(404)
  })
})
