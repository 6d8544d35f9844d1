/**
 * Bundles (一件事 / 主题服务): a center's definitions of items run together in stages. Frozen in
 * time like 0001: imports nothing from the app.
 *
 * `stages` is JSON (`[{ name, itemIds }]`): a bundle is read and written whole, and item ids in
 * it are checked by the service (published, in the center's subtree) when it is published.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('bundles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('center_id', 'text', (c) => c.notNull().references('centers.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('themes', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('stages', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('bundles_center_code', ['center_id', 'code'])
    .execute();
  await db.schema.createIndex('bundles_status').on('bundles').columns(['status', 'center_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('bundles').execute();
}
