/**
 * Global search over 1 million searchable rows on PostgreSQL (docs/search.md). Issue 13 target: under
 * 100 ms per query.
 *   npx tsx bench/search.ts [--rows 1000000] [--runs 30] [--database-url postgres://postgres@127.0.0.1:5432/postgres]
 * A database of its own is created on that server, migrated and dropped at the end.
 *
 * Setup: two organizations; N search documents (70 % in the first, 30 % in the second, spread over the
 * eleven kinds) whose text is a code plus 6–12 Spanish words drawn from a 240-word vocabulary with a skewed
 * distribution (some words in a third of the rows, most rare), accents included. Loaded straight into
 * `search_documents` (what the triggers would write), the trigram index built after the load.
 * Timed through the search service (organization lookup, transaction, SET LOCAL, query, grouping), per
 * query kind, a different query each run. Then the alternative design: the same rows in eleven tables of
 * their own with an expression trigram index on `search_fold(...)` each, searched with one UNION ALL query.
 * Last, what the triggers cost a write: 20,000 equipment rows inserted with and without them.
 */
import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import pg from 'pg'
import { SEARCH_KINDS } from '@faena/contracts'
import { createSearchService } from '../apps/server/src/modules/search'
import type { Actor } from '../apps/server/src/platform/access'
import { createDb } from '../apps/server/src/platform/db/create-db'
import { migrateToLatest } from '../apps/server/src/platform/db/migrate'

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '30' },
    'no-union': { type: 'boolean', default: false },
  },
})
const ROWS = Number(values.rows)
const RUNS = Number(values.runs)

// prettier-ignore
const VOCABULARY = [
  'inspección', 'tubería', 'plataforma', 'mantenimiento', 'grúa', 'válvula', 'soldadura', 'reparación',
  'instalación', 'limpieza', 'pintura', 'anticorrosiva', 'estructura', 'cubierta', 'módulo', 'compresor',
  'bomba', 'línea', 'descarga', 'succión', 'ducto', 'submarino', 'buceo', 'embarcación', 'helipuerto',
  'barandal', 'escalera', 'acceso', 'andamio', 'soporte', 'abrazadera', 'brida', 'empaque', 'junta',
  'tornillería', 'espárrago', 'tuerca', 'placa', 'viga', 'columna', 'refuerzo', 'corrosión', 'espesor',
  'ultrasonido', 'radiografía', 'prueba', 'hidrostática', 'neumática', 'calibración', 'instrumento',
  'manómetro', 'termómetro', 'transmisor', 'sensor', 'cableado', 'eléctrico', 'tablero', 'alumbrado',
  'luminaria', 'generador', 'motor', 'turbina', 'intercambiador', 'calor', 'tanque', 'separador',
  'quemador', 'antorcha', 'venteo', 'drenaje', 'sistema', 'contra', 'incendio', 'diluvio', 'rociador',
  'extintor', 'señalización', 'seguridad', 'ambiental', 'residuos', 'peligrosos', 'aceite', 'lubricante',
  'filtro', 'sello', 'mecánico', 'rodamiento', 'alineación', 'vibración', 'análisis', 'diagnóstico',
  'sustitución', 'suministro', 'fabricación', 'montaje', 'desmontaje', 'izaje', 'maniobra', 'carga',
  'transporte', 'logística', 'personal', 'técnico', 'supervisión', 'ingeniería', 'básica', 'detalle',
  'procura', 'construcción', 'arranque', 'comisionamiento', 'operación', 'producción', 'perforación',
  'pozo', 'árbol', 'navidad', 'cabezal', 'estrangulador', 'múltiple', 'recolección', 'medición',
  'fiscal', 'transferencia', 'custodia', 'oleoducto', 'gasoducto', 'interconexión', 'patio', 'taller',
  'almacén', 'campamento', 'habitacional', 'cocina', 'comedor', 'lavandería', 'agua', 'potable', 'planta',
  'tratamiento', 'aguas', 'residuales', 'batería', 'sanitaria', 'lavamanos', 'urinario', 'portátil',
  'camper', 'oficina', 'contenedor', 'remolque', 'camión', 'cisterna', 'vacío', 'succionador', 'galones',
  'barriles', 'metros', 'cúbicos', 'recolección', 'disposición', 'final', 'certificado', 'guía',
  'remisión', 'hoja', 'preventivo', 'correctivo', 'falla', 'causa', 'repuesto', 'observación', 'cliente',
  'proyecto', 'contrato', 'anexo', 'partida', 'concepto', 'unidad', 'precio', 'volumen', 'programa',
  'avance', 'físico', 'financiero', 'estimación', 'periodo', 'reprogramación', 'orden', 'trabajo',
  'propuesta', 'técnica', 'económica', 'solicitud', 'oficio', 'entrega', 'revisión', 'aprobación',
  'firma', 'evidencia', 'fotográfica', 'reporte', 'diario', 'mensual', 'semanal', 'guardia', 'turno',
  'superintendente', 'capitán', 'tripulación', 'marinero', 'cocinero', 'ayudante', 'soldador', 'pailero',
  'tubero', 'electricista', 'instrumentista', 'pintor', 'andamiero', 'buzo', 'ingeniero', 'residente',
  'Akal', 'Nohoch', 'Abkatún', 'Pol', 'Chuc', 'Ku', 'Maloob', 'Zaap', 'Ek', 'Balam', 'Cantarell',
  'Litoral', 'Tabasco', 'Campeche', 'Ciudad', 'Carmen', 'Dos', 'Bocas', 'Coatzacoalcos', 'Salina',
  'Cruz', 'Auca', 'Sacha', 'Shushufindi', 'Coca', 'Lago', 'Agrio', 'Napo', 'Orellana', 'Sucumbíos',
]

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
const pick = <T>(list: readonly T[], i: number) => list[i % list.length] as T
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

const admin = new pg.Client({ connectionString: values['database-url'] })
await admin.connect()
const name = `faena_bench_search_${process.pid}`
await admin.query(`CREATE DATABASE ${name}`)
const url = new URL(values['database-url'])
url.pathname = `/${name}`
const database = await createDb({ databaseUrl: url.toString() })
const db = database.db
try {
  await migrateToLatest(db)
  const orgIds: string[] = []
  for (const [slug, lines] of [
    ['bench-a', ['offshore', 'rental']],
    ['bench-b', ['offshore', 'rental']],
  ] as const) {
    const org = await db
      .insertInto('organizations')
      .values({
        slug,
        name: slug,
        country: 'MX',
        time_zone: 'America/Mexico_City',
        locale: 'es-MX',
        currencies: ['MXN'],
        lines_of_business: [...lines],
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    orgIds.push(org.id)
  }
  const [orgA, orgB] = orgIds as [string, string]

  // --- load ---------------------------------------------------------------------------------------
  let t0 = performance.now()
  await sql`CREATE TEMP TABLE bench_rows AS
    SELECT g AS i, g % ${sql.lit(SEARCH_KINDS.length)} AS k,
      CASE WHEN g % 10 < 7 THEN ${orgA}::uuid ELSE ${orgB}::uuid END AS org_id,
      (SELECT string_agg((${VOCABULARY}::text[])[1 + floor(power(random(), 2.5) * ${sql.lit(VOCABULARY.length)})::int], ' ')
         FROM generate_series(1, 6 + (g % 7))) AS words
    FROM generate_series(1, ${ROWS}::int) g`.execute(db)
  const generated = performance.now() - t0
  t0 = performance.now()
  await sql`ALTER TABLE search_documents DISABLE TRIGGER search_documents_replace`.execute(db)
  await sql`DROP INDEX search_documents_text_trgm`.execute(db)
  await sql`
    INSERT INTO search_documents (kind, record_id, org_id, parent_id, title, subtitle, title_key, search_text)
    SELECT (${SEARCH_KINDS}::text[])[k + 1], gen_random_uuid(), org_id, NULL, t.title, t.words,
      search_fold(t.title), left(search_fold(t.title || ' ' || t.words), 2000)
    FROM (SELECT *, CASE WHEN k IN (8, 9, 10) THEN lpad(i::text, 7, '0') ELSE 'DOC-' || lpad(i::text, 7, '0') END AS title
          FROM bench_rows) t`.execute(db)
  const loaded = performance.now() - t0
  t0 = performance.now()
  await sql`CREATE INDEX search_documents_text_trgm ON search_documents USING gin (search_text gin_trgm_ops)`.execute(
    db,
  )
  await sql`ALTER TABLE search_documents ENABLE TRIGGER search_documents_replace`.execute(db)
  await sql`VACUUM ANALYZE search_documents`.execute(db)
  const indexed = performance.now() - t0
  const size = await sql<{ table: string; index: string }>`
    SELECT pg_size_pretty(pg_table_size('search_documents')) AS table,
      pg_size_pretty(pg_relation_size('search_documents_text_trgm')) AS index`.execute(db)
  console.log(
    `loaded ${ROWS} rows: generate ${(generated / 1000).toFixed(1)} s, insert ${(loaded / 1000).toFixed(1)} s, ` +
      `trigram index + analyze ${(indexed / 1000).toFixed(1)} s; table ${size.rows[0]?.table}, index ${size.rows[0]?.index}`,
  )
  const freq = await sql<{ w: string; rows: string }>`
    SELECT v.w, (SELECT count(*) FROM bench_rows b WHERE b.words LIKE '%' || v.w || '%') AS rows
    FROM unnest(${VOCABULARY}::text[]) WITH ORDINALITY AS v (w, n) WHERE v.n IN (1, 5, 40, 150, 230)`.execute(
    db,
  )
  console.log('word frequencies:', freq.rows.map((r) => `${r.w} ${r.rows}`).join(', '))

  // --- queries ------------------------------------------------------------------------------------
  const typo = (w: string, i: number) => {
    const f = fold(w)
    const at = 1 + (i % Math.max(1, f.length - 2))
    return f.slice(0, at) + f.slice(at + 1) // one letter dropped
  }
  const common = VOCABULARY.slice(0, 8)
  const rare = VOCABULARY.slice(150, 230)
  const queries: Record<string, (i: number) => string> = {
    // rows g with g % 11 = 2 are work orders titled DOC-<g>; with g % 11 = 8 maintenance sheets titled <g>
    'exact code': (i) => `DOC-${String(11 * ((i * 7919) % Math.floor(ROWS / 11)) + 2).padStart(7, '0')}`,
    'number without zeros': (i) => String(11 * ((i * 7919 + 13) % Math.floor(ROWS / 11)) + 8),
    'common word, no accent': (i) => fold(pick(common, i)),
    'rare word': (i) => pick(rare, i),
    'word with a typo': (i) => typo(pick(VOCABULARY.slice(20, 120), i * 3), i),
    'two words': (i) =>
      `${fold(pick(VOCABULARY.slice(10, 60), i))} ${pick(VOCABULARY.slice(100, 200), i * 7)}`,
    'three words, one typo': (i) =>
      `${pick(VOCABULARY.slice(0, 40), i)} ${typo(pick(VOCABULARY.slice(40, 120), i), i)} ${pick(VOCABULARY.slice(200), i)}`,
    'two letters': (i) => pick(['ot', 'do', 'ak', 'bo', 'pl', 'tu'], i),
    'no match': (i) => `zqxj${i}w`,
  }
  const actor: Actor = {
    userId: '00000000-0000-0000-0000-000000000001',
    email: 'bench',
    orgId: orgA,
    role: 'admin',
    requestId: 'bench',
    ip: null,
    userAgent: null,
  }
  const service = createSearchService({ db })
  const tableResults: string[] = []
  for (const [label, make] of Object.entries(queries)) {
    await service.search({ actor, query: { q: make(999), perKind: 5, kinds: undefined } }) // warm
    const times: number[] = []
    let hits = 0
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now()
      const r = await service.search({ actor, query: { q: make(i), perKind: 5, kinds: undefined } })
      times.push(performance.now() - s)
      hits += r.items.length
    }
    times.sort((a, b) => a - b)
    const line = `| ${label.padEnd(22)} | ${percentile(times, 50).toFixed(1)} ms | ${percentile(times, 95).toFixed(1)} ms | ${(hits / RUNS).toFixed(1)} |`
    tableResults.push(line)
    console.log(line, `e.g. "${make(0)}"`)
  }

  // --- the alternative: a UNION ALL over per-kind tables with expression indexes -------------------
  const unionResults: string[] = []
  if (!values['no-union']) {
    t0 = performance.now()
    for (let k = 0; k < SEARCH_KINDS.length; k++) {
      const tbl = sql.raw(`bench_union_${k}`)
      await sql`CREATE TABLE ${tbl} AS SELECT d.record_id AS id, d.org_id, d.title, d.subtitle AS body
        FROM search_documents d WHERE d.kind = ${SEARCH_KINDS[k]}`.execute(db)
      await sql`CREATE INDEX ON ${tbl} USING gin (search_fold(title || ' ' || body) gin_trgm_ops)`.execute(db)
      await sql`CREATE INDEX ON ${tbl} (org_id, search_fold(title) text_pattern_ops)`.execute(db)
      await sql`ANALYZE ${tbl}`.execute(db)
    }
    console.log(`union tables + expression indexes: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    const unionSearch = async (q: string) =>
      db.transaction().execute(async (trx) => {
        await sql`SELECT set_config('pg_trgm.word_similarity_threshold', '0.5', true)`.execute(trx)
        const terms = q.split(' ').filter((w) => w.length >= 2)
        const parts = SEARCH_KINDS.map((kind, k) => {
          const tbl = sql.raw(`bench_union_${k}`)
          const match = sql.join(
            terms.map((t) => sql`search_fold(title || ' ' || body) %> search_fold(${t})`),
            sql` AND `,
          )
          return sql`(SELECT ${kind}::text AS kind, id, title, body, search_fold(title || ' ' || body) AS text
            FROM ${tbl} WHERE org_id = ${orgA} AND ((${match}) OR search_fold(title) LIKE search_fold(${q}) || '%')
            LIMIT 2000)`
        })
        const sim = sql.join(
          terms.map((t) => sql`word_similarity(search_fold(${t}), u.text)`),
          sql` + `,
        )
        return sql`SELECT kind, id, title, score FROM (
            SELECT u.*, row_number() OVER (PARTITION BY kind ORDER BY score DESC) AS rank FROM (
              SELECT u.kind, u.id, u.title, (${sim}) / ${terms.length}::real AS score
              FROM (${sql.join(parts, sql` UNION ALL `)}) u) u) r
          WHERE rank <= 5 ORDER BY score DESC`.execute(trx)
      })
    for (const label of [
      'exact code',
      'common word, no accent',
      'rare word',
      'word with a typo',
      'two words',
    ]) {
      const make = queries[label]!
      await unionSearch(make(999))
      const times: number[] = []
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now()
        await unionSearch(make(i))
        times.push(performance.now() - s)
      }
      times.sort((a, b) => a - b)
      const line = `| ${label.padEnd(22)} | ${percentile(times, 50).toFixed(1)} ms | ${percentile(times, 95).toFixed(1)} ms |`
      unionResults.push(line)
      console.log('union', line)
    }
  }

  // --- what the triggers cost a write --------------------------------------------------------------
  const insertEquipment = async (prefix: string) => {
    const s = performance.now()
    await sql`INSERT INTO rental_equipment (org_id, code, name, kind, type)
      SELECT ${orgA}, ${prefix} || g, 'Batería sanitaria ' || g, 'equipment', 'toilet'
      FROM generate_series(1, 20000) g`.execute(db)
    return performance.now() - s
  }
  const withTrigger = await insertEquipment('T-')
  await sql`ALTER TABLE rental_equipment DISABLE TRIGGER search_documents_sync`.execute(db)
  const withoutTrigger = await insertEquipment('N-')
  await sql`ALTER TABLE rental_equipment ENABLE TRIGGER search_documents_sync`.execute(db)
  console.log(
    `20,000 equipment rows in one INSERT: ${withTrigger.toFixed(0)} ms with the search trigger, ${withoutTrigger.toFixed(0)} ms without`,
  )
  console.log(['', '| query | p50 | p95 | hits |', ...tableResults].join('\n'))
  console.log(['', '| union query | p50 | p95 |', ...unionResults].join('\n'))
} finally {
  await database.db.destroy()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
}
