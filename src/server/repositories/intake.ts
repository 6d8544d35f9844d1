/**
 * What a window intake reads before it writes, in one statement: the item, the status of its
 * published version, its center (path, name, area code, time zone) and the calendar and settings
 * revision tokens — four statements (the item, the version, the center, the calendar token)
 * before; the settings token lets the reply be built without reading the case back
 * (services/case/intake.ts).
 */
import { prepared } from '../db/prepared.js';
import type { ItemsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export type ItemForIntake = ItemsTable & {
  center_path: string;
  center_name: string;
  center_area_code: string;
  time_zone: string;
  /** the status of the item's published version (null without one) */
  published_status: string | null;
  calendar_revision: string | null;
  settings_revision: string | null;
};

export async function findItemForIntake(db: Executor, itemId: string): Promise<ItemForIntake | undefined> {
  const r = await db.executeQuery(itemForIntakeQuery(db, { itemId }));
  return r.rows[0];
}
const itemForIntakeQuery = prepared<{ itemId: string }, ItemForIntake>((db, p) =>
  db
    .selectFrom('items')
    .innerJoin('centers', 'centers.id', 'items.center_id')
    .leftJoin('item_versions', 'item_versions.id', 'items.published_version_id')
    .selectAll('items')
    .select('item_versions.status as published_status')
    .select(['centers.path as center_path', 'centers.name as center_name', 'centers.area_code as center_area_code', 'centers.time_zone as time_zone'])
    .select((eb) => [
      eb.selectFrom('cache_revisions').select('revision').where('name', '=', 'calendar').as('calendar_revision'),
      eb.selectFrom('cache_revisions').select('revision').where('name', '=', 'settings').as('settings_revision'),
    ])
    .where('items.id', '=', p('itemId')) as any,
);
