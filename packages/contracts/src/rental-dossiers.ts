import { z } from 'zod'

/** Dossiers (expedientes): one PDF per billing sheet or per project, built by a job (docs/rental-dossiers.md). */

export const PROJECT_DOSSIER_SCOPES = ['all', 'sheet_files', 'custody_chains', 'shipping_guides'] as const
export const ZProjectDossierScope = z.enum(PROJECT_DOSSIER_SCOPES)
export type TProjectDossierScope = z.infer<typeof ZProjectDossierScope>

/** The project dossier: the uploaded files of `scope`, optionally only those of one billing sheet. */
export const ZProjectDossierRequest = z.object({
  scope: ZProjectDossierScope.default('all'),
  sheetId: z.uuid().nullish(),
})
export type TProjectDossierRequest = z.infer<typeof ZProjectDossierRequest>

export const DOSSIER_PART_KINDS = ['sheet', 'certificate', 'invoice', 'chain', 'guide'] as const
export const ZDossierPartKind = z.enum(DOSSIER_PART_KINDS)
export type TDossierPartKind = z.infer<typeof ZDossierPartKind>

/** One part of a dossier as the job's result lists it: what it is, its pages, or why it was left out. */
export const ZDossierPart = z.object({
  kind: ZDossierPartKind,
  /** the sheet's series, the certificate's or document's number */
  ref: z.string(),
  /** the uploaded file's name (none for a generated PDF) */
  name: z.string().nullable(),
  source: z.enum(['generated', 'uploaded']),
  pages: z.number().int(),
  skipped: z.enum(['unreadable', 'unsupported', 'failed']).nullable(),
})
export type TDossierPart = z.infer<typeof ZDossierPart>
