import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../../db-schema'

/** What a repository function runs on: the database, or the service's open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>
export type Db = Kysely<DB>
