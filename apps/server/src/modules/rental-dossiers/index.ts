/**
 * Rental dossiers (expedientes): one PDF per billing sheet or per project, built by a job — the module's
 * only public entry. It reads through rental-billing, rental-documents, rental-projects and e-invoicing
 * (their index.ts); nothing depends on it. Rules: docs/rental-dossiers.md.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { rentalDossiersRoutes } from './rental-dossiers.routes'
import { createRentalDossiers, type RentalDossiersDeps } from './rental-dossiers.service'

export { PROJECT_DOSSIER_JOB, SHEET_DOSSIER_JOB, type RentalDossiers } from './rental-dossiers.service'

/** Builds the dossier jobs (defined now, before the server starts) and their routes; every port required. */
export function createRentalDossiersModule(deps: RentalDossiersDeps) {
  const service = createRentalDossiers(deps)
  /** register with `app.register(rentalDossiers.routes)` */
  const routes: FastifyPluginAsyncZod = async (app) => {
    await app.register(rentalDossiersRoutes, { dossiers: service })
  }
  return { service, routes }
}
export type RentalDossiersModule = ReturnType<typeof createRentalDossiersModule>
