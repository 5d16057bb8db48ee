/**
 * The jobs platform's only public entry (docs/jobs.md): long work (exports, big imports) runs on pg-boss
 * as a `job_runs` row the UI polls. A module defines its job kinds with `jobs.define(...)` when it is
 * built, and asks for one with `handle.request(actor, payload)` (its own transaction) or
 * `handle.enqueue(trx, actor, payload)` (inside the caller's, then `handle.wake()` after the commit).
 */
export {
  createJobsService,
  type JobContext,
  type JobDefinition,
  type JobHandle,
  type JobOutcome,
  type JobsDeps,
  type JobsOptions,
  type JobsService,
} from './jobs.service'
export { jobsRoutes } from './jobs.routes'
export type { JobTables } from './jobs.tables'
