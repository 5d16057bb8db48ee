import type { Migration } from 'kysely/migration'
import * as m0001 from './0001_platform'
import * as m0002 from './0002_catalogs'
import * as m0003 from './0003_proposals'
import * as m0004 from './0004_concepts'
import * as m0005 from './0005_work_orders'
import * as m0006 from './0006_work_order_concepts'
import * as m0007 from './0007_schedules'
import * as m0010 from './0010_rental_projects'
import * as m0011 from './0011_rental_documents'
import * as m0012 from './0012_rental_billing'
import * as m0013 from './0013_job_runs'
import * as m0014 from './0014_rental_rates_and_invoices'
import * as m0015 from './0015_schedule_source_format'
import * as m0016 from './0016_auth_hardening'
import * as m0017 from './0017_schedule_progress'
import * as m0018 from './0018_search'
import * as m0019 from './0019_production'
import * as m0021 from './0021_list_indexes'
import * as m0023 from './0023_notifications'
import * as m0024 from './0024_production_excess_reasons'
import * as m0025 from './0025_production_evidence'
import * as m0026 from './0026_production_monthly_close'
import * as m0028 from './0028_production_speed_and_concept_additions'
import * as m0029 from './0029_mail'
import * as m0030 from './0030_weekly_digest'
import * as m0031 from './0031_step_responsible_users'
import * as m0032 from './0032_estimates'
import * as m0033 from './0033_api_tokens'
import * as m0034 from './0034_notification_preferences'
import * as m0035 from './0035_estimate_invoicing'
import * as m0037 from './0037_due_alerts'
import * as m0039 from './0039_field_staff'
import * as m0040 from './0040_row_level_security'
import * as m0041 from './0041_concept_counts'
import * as m0042 from './0042_e_invoicing'
import * as m0043 from './0043_equipment_condition'
import * as m0045 from './0045_session_lookup_function'
import * as m0046 from './0046_attachment_source'

/**
 * Every migration, in order. Forward-only: never edit one that has landed; add the next number after the
 * last one here (0008, 0009, 0020 and 0027 were never used, and 0022 was renumbered 0024 right after it landed behind
 * 0023; none of them can be used: a database that has run a later migration refuses an earlier new one).
 * SQL must run on PostgreSQL 15 (production) and on PGlite (PostgreSQL 18).
 */
export const migrations: Record<string, Migration> = {
  '0001_platform': m0001,
  '0002_catalogs': m0002,
  '0003_proposals': m0003,
  '0004_concepts': m0004,
  '0005_work_orders': m0005,
  '0006_work_order_concepts': m0006,
  '0007_schedules': m0007,
  '0010_rental_projects': m0010,
  '0011_rental_documents': m0011,
  '0012_rental_billing': m0012,
  '0013_job_runs': m0013,
  '0014_rental_rates_and_invoices': m0014,
  '0015_schedule_source_format': m0015,
  '0016_auth_hardening': m0016,
  '0017_schedule_progress': m0017,
  '0018_search': m0018,
  '0019_production': m0019,
  '0021_list_indexes': m0021,
  '0023_notifications': m0023,
  '0024_production_excess_reasons': m0024,
  '0025_production_evidence': m0025,
  '0026_production_monthly_close': m0026,
  '0028_production_speed_and_concept_additions': m0028,
  '0029_mail': m0029,
  '0030_weekly_digest': m0030,
  '0031_step_responsible_users': m0031,
  '0032_estimates': m0032,
  '0033_api_tokens': m0033,
  '0034_notification_preferences': m0034,
  '0035_estimate_invoicing': m0035,
  '0037_due_alerts': m0037,
  '0039_field_staff': m0039,
  '0040_row_level_security': m0040,
  '0041_concept_counts': m0041,
  '0042_e_invoicing': m0042,
  '0043_equipment_condition': m0043,
  '0045_session_lookup_function': m0045,
  '0046_attachment_source': m0046,
}
