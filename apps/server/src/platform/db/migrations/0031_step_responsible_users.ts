import { sql, type Kysely } from 'kysely'

/**
 * Responsible users (docs/proposals.md#steps, docs/work-orders.md#steps-and-progress): each step of a proposal
 * or work order may name a user of the organization who answers for it, and a project manager of the catalog
 * may be linked to one user account (at most one record per user and organization), so "assigned to me"
 * finds both the steps and the records a person manages.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE proposal_steps ADD COLUMN responsible_user_id uuid REFERENCES users (id);
    CREATE INDEX proposal_steps_responsible_idx ON proposal_steps (org_id, responsible_user_id, proposal_id)
      WHERE responsible_user_id IS NOT NULL;
    ALTER TABLE work_order_steps ADD COLUMN responsible_user_id uuid REFERENCES users (id);
    CREATE INDEX work_order_steps_responsible_idx ON work_order_steps (org_id, responsible_user_id, work_order_id)
      WHERE responsible_user_id IS NOT NULL;
    ALTER TABLE project_managers ADD COLUMN user_id uuid REFERENCES users (id);
    CREATE UNIQUE INDEX project_managers_user_uq ON project_managers (org_id, user_id) WHERE user_id IS NOT NULL;
  `.execute(db)
}
