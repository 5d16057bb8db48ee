import type { TDossierPart, TDossierPartKind, TProjectDossierScope } from '@faena/contracts'

/**
 * The dossiers' pure rules (docs/rental-dossiers.md): file names, what goes in which order, the words of
 * the list of skipped parts. No I/O: the service reads the files and merges them in this order.
 */

/**
 * A piece of a file name: accents dropped, anything but letters, digits and dashes becomes `_` (runs
 * collapsed, none at the ends), at most `max` characters. Empty input gives `SIN_NOMBRE`.
 */
export function fileNamePart(text: string, max: number): string {
  const out = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, max)
    .replace(/_+$/, '')
  return out || 'SIN_NOMBRE'
}

/** `Expediente_PSL-PS-2026-1000_Cliente_SA.pdf` (client at most 40 characters). */
export const sheetDossierFileName = (seriesCode: string, clientName: string) =>
  `Expediente_${fileNamePart(seriesCode, 40)}_${fileNamePart(clientName, 40)}.pdf`

/** `Documentos_Cliente_SA_all.pdf` (client at most 50 characters). */
export const projectDossierFileName = (clientName: string, scope: TProjectDossierScope) =>
  `Documentos_${fileNamePart(clientName, 50)}_${scope}.pdf`

/** A custody chain's or guide's number as printed (8 digits). */
export const printedNumber = (n: number) => String(n).padStart(8, '0')

/** One file to put in a dossier, in order. */
export type PlannedFile = { kind: TDossierPartKind; ref: string; fileId: string; name: string }

type SheetFiles = {
  seriesCode: string
  periodStart: string
  invoiceFileId: string | null
  invoiceName?: string
}
type DocFiles = { number: number; attachments: { fileId: string; name: string }[] }

/**
 * The uploaded files of a project dossier for `scope`, in order: each sheet by period start (its invoice),
 * then the custody chains (given by activity date, then number) with their files in upload order, then
 * the shipping guides (by issue date, then number) with theirs.
 */
export function projectDossierFiles(
  scope: TProjectDossierScope,
  sheets: SheetFiles[],
  chains: DocFiles[],
  guides: DocFiles[],
): PlannedFile[] {
  const out: PlannedFile[] = []
  if (scope === 'all' || scope === 'sheet_files') {
    const ordered = [...sheets].sort(
      (a, b) => a.periodStart.localeCompare(b.periodStart) || a.seriesCode.localeCompare(b.seriesCode),
    )
    for (const s of ordered)
      if (s.invoiceFileId)
        out.push({
          kind: 'invoice',
          ref: s.seriesCode,
          fileId: s.invoiceFileId,
          name: s.invoiceName ?? 'factura',
        })
  }
  const docs = (kind: 'chain' | 'guide', list: DocFiles[]) => {
    for (const d of list)
      for (const a of d.attachments)
        out.push({ kind, ref: printedNumber(d.number), fileId: a.fileId, name: a.name })
  }
  if (scope === 'all' || scope === 'custody_chains') docs('chain', chains)
  if (scope === 'all' || scope === 'shipping_guides') docs('guide', guides)
  return out
}

const KIND_ES: Record<TDossierPartKind, string> = {
  sheet: 'Planilla',
  certificate: 'Certificado de disposición final',
  invoice: 'Factura',
  chain: 'Cadena de custodia',
  guide: 'Guía de remisión',
}
const REASON_ES: Record<NonNullable<TDossierPart['skipped']>, string> = {
  unreadable: 'no se pudo leer (PDF dañado o cifrado)',
  unsupported: 'no es un PDF ni una imagen',
  failed: 'no se pudo generar',
}

/** The lines of the last page: one per part left out, e.g. «Cadena de custodia 00000012 (escaneo.pdf): …». */
export function skippedLines(parts: TDossierPart[]): string[] {
  return parts
    .filter((p) => p.skipped)
    .map((p) => `${KIND_ES[p.kind]} ${p.ref}${p.name ? ` (${p.name})` : ''}: ${REASON_ES[p.skipped!]}`)
}
