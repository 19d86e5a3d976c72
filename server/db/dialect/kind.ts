import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter } from 'kysely';

/** Whether a database handle (or transaction) talks to PostgreSQL. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Arguments of `addColumn` for a generated integer primary key: `integer primary key autoincrement` on SQLite,
 * `serial primary key` on PostgreSQL (which has no `auto_increment`).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function idColumn(db: Kysely<any>, name = 'id'): [string, 'serial' | 'integer', (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  return isPostgres(db)
    ? [name, 'serial', (c) => c.primaryKey()]
    : [name, 'integer', (c) => c.primaryKey().autoIncrement()];
}
