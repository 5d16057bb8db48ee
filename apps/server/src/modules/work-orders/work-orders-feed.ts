import { sql } from 'kysely'
import type { FeedDataset } from '../../platform/feeds/feed-dataset'

/**
 * The work orders as a BI feed (docs/feeds.md): one row per work order (initials and reprogrammings, with the
 * family's initial number), amounts as exact decimal text, catalog names as they are now.
 */
export const workOrdersFeed: FeedDataset = {
  name: 'work-orders',
  title: { es: 'Órdenes de trabajo', en: 'Work orders' },
  columns: [
    { key: 'id', header: 'id' },
    { key: 'number', header: 'number' },
    { key: 'type', header: 'type' },
    { key: 'familyNumber', header: 'familyNumber' },
    { key: 'description', header: 'description' },
    { key: 'status', header: 'status' },
    { key: 'client', header: 'client' },
    { key: 'projectManager', header: 'projectManager' },
    { key: 'front', header: 'front' },
    { key: 'plannedStart', header: 'plannedStart' },
    { key: 'plannedEnd', header: 'plannedEnd' },
    { key: 'actualStart', header: 'actualStart' },
    { key: 'actualEnd', header: 'actualEnd' },
    { key: 'amountMxn', header: 'amountMxn' },
    { key: 'amountUsd', header: 'amountUsd' },
    { key: 'createdAt', header: 'createdAt' },
    { key: 'updatedAt', header: 'updatedAt' },
  ],
  async read(db, orgId, q) {
    let query = db
      .selectFrom('work_orders as w')
      .innerJoin('work_orders as f', 'f.id', 'w.family_id')
      .innerJoin('clients as c', 'c.id', 'w.client_id')
      .innerJoin('project_managers as m', 'm.id', 'w.project_manager_id')
      .leftJoin('fronts as fr', 'fr.id', 'w.front_id')
      .where('w.org_id', '=', orgId)
    if (q.modifiedSince) query = query.where('w.updated_at', '>=', q.modifiedSince)
    const rows = await query
      .select([
        'w.id',
        'w.number',
        'w.type',
        'f.number as family_number',
        'w.description',
        'w.status',
        'c.name as client',
        'm.name as project_manager',
        'fr.name as front',
        sql<string | null>`w.planned_start::text`.as('planned_start'),
        sql<string | null>`w.planned_end::text`.as('planned_end'),
        sql<string | null>`w.actual_start::text`.as('actual_start'),
        sql<string | null>`w.actual_end::text`.as('actual_end'),
        sql<string>`trim_scale(w.amount_mxn)::text`.as('amount_mxn'),
        sql<string>`trim_scale(w.amount_usd)::text`.as('amount_usd'),
        'w.created_at',
        'w.updated_at',
        sql<string>`count(*) over ()`.as('total'),
      ])
      .orderBy('w.updated_at')
      .orderBy('w.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute()
    return {
      total: Number(rows[0]?.total ?? 0),
      rows: rows.map((r) => ({
        id: r.id,
        number: r.number,
        type: r.type,
        familyNumber: r.family_number,
        description: r.description,
        status: r.status,
        client: r.client,
        projectManager: r.project_manager,
        front: r.front,
        plannedStart: r.planned_start,
        plannedEnd: r.planned_end,
        actualStart: r.actual_start,
        actualEnd: r.actual_end,
        amountMxn: r.amount_mxn,
        amountUsd: r.amount_usd,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
      })),
    }
  },
}
