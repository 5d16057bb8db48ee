import { sql } from 'kysely'
import type { FeedDataset } from '../../platform/feeds/feed-dataset'

/**
 * The proposals as a BI feed (docs/feeds.md): one row per proposal, deleted ones too (with `deletedAt`) so a
 * tool refreshing "what changed since" learns of deletions; catalog names as they are now.
 */
export const proposalsFeed: FeedDataset = {
  name: 'proposals',
  title: { es: 'Propuestas (PTE)', en: 'Proposals (PTE)' },
  columns: [
    { key: 'id', header: 'id' },
    { key: 'officialNumber', header: 'officialNumber' },
    { key: 'requestNumber', header: 'requestNumber' },
    { key: 'description', header: 'description' },
    { key: 'client', header: 'client' },
    { key: 'type', header: 'type' },
    { key: 'projectManager', header: 'projectManager' },
    { key: 'priority', header: 'priority' },
    { key: 'status', header: 'status' },
    { key: 'requestDate', header: 'requestDate' },
    { key: 'deliveryDate', header: 'deliveryDate' },
    { key: 'durationDays', header: 'durationDays' },
    { key: 'createdAt', header: 'createdAt' },
    { key: 'updatedAt', header: 'updatedAt' },
    { key: 'deletedAt', header: 'deletedAt' },
  ],
  async read(db, orgId, q) {
    let query = db
      .selectFrom('proposals as p')
      .innerJoin('clients as c', 'c.id', 'p.client_id')
      .innerJoin('types as t', 't.id', 'p.type_id')
      .innerJoin('project_managers as m', 'm.id', 'p.project_manager_id')
      .where('p.org_id', '=', orgId)
    if (q.modifiedSince) query = query.where('p.updated_at', '>=', q.modifiedSince)
    const rows = await query
      .select([
        'p.id',
        'p.official_number',
        'p.request_number',
        'p.description',
        'c.name as client',
        't.name as type',
        'm.name as project_manager',
        'p.priority',
        'p.status',
        sql<string>`p.request_date::text`.as('request_date'),
        sql<string>`p.delivery_date::text`.as('delivery_date'),
        'p.duration_days',
        'p.created_at',
        'p.updated_at',
        'p.deleted_at',
        sql<string>`count(*) over ()`.as('total'),
      ])
      .orderBy('p.updated_at')
      .orderBy('p.id')
      .limit(q.limit)
      .offset(q.offset)
      .execute()
    return {
      total: Number(rows[0]?.total ?? 0),
      rows: rows.map((r) => ({
        id: r.id,
        officialNumber: r.official_number,
        requestNumber: r.request_number,
        description: r.description,
        client: r.client,
        type: r.type,
        projectManager: r.project_manager,
        priority: r.priority,
        status: r.status,
        requestDate: r.request_date,
        deliveryDate: r.delivery_date,
        durationDays: r.duration_days,
        createdAt: r.created_at.toISOString(),
        updatedAt: r.updated_at.toISOString(),
        deletedAt: r.deleted_at?.toISOString() ?? null,
      })),
    }
  },
}
