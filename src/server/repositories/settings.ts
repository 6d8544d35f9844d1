/** Settings rows (table `settings`: scope = a center id or 'global', key, JSON value, version). */
import type { SettingsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export async function listSettings(db: Executor, scopes: readonly string[], keys: readonly string[]): Promise<SettingsTable[]> {
  if (scopes.length === 0 || keys.length === 0) return [];
  return db.selectFrom('settings').selectAll().where('scope', 'in', [...scopes]).where('key', 'in', [...keys]).execute();
}

export async function insertSetting(db: Executor, row: SettingsTable): Promise<void> {
  await db.insertInto('settings').values(row).execute();
}

/** Optimistic write of one setting: false when it changed since `version`. */
export async function updateSetting(db: Executor, row: SettingsTable, version: number): Promise<boolean> {
  const r = await db
    .updateTable('settings')
    .set({ value: row.value, version: row.version, updated_at: row.updated_at })
    .where('scope', '=', row.scope)
    .where('key', '=', row.key)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
