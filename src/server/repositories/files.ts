/** Stored files (uploads and generated documents): metadata rows; bytes live in FileStorage. */
import type { FilesTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';

export async function insertFile(db: Executor, row: FilesTable): Promise<void> {
  await db.insertInto('files').values(row).execute();
}

export async function findFile(db: Executor, id: string) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFilesByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('files').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

/** One file per content hash (the oldest), for imports that reference files by hash. */
export async function findFilesBySha256(db: Executor, hashes: string[]) {
  if (hashes.length === 0) return [];
  return db
    .selectFrom('files')
    .selectAll()
    .where('sha256', 'in', [...new Set(hashes)])
    .orderBy('created_at')
    .execute();
}

/** Files a published version shows as sample/blank forms become downloadable by anyone. */
export async function markFilesPublic(db: Executor, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable('files').set({ public: 1 }).where('id', 'in', [...new Set(ids)]).execute();
}

/** Where the items whose versions use a file live (center path and department), for scope checks. */
export async function findFileUsers(db: Executor, fileId: string) {
  // file ids are UUIDs, so a quoted match inside the version's JSON cannot hit anything else
  return db
    .selectFrom('item_versions')
    .innerJoin('items', 'items.id', 'item_versions.item_id')
    .innerJoin('centers', 'centers.id', 'items.center_id')
    .select(['centers.path as center_path', 'items.department_id'])
    .where('item_versions.data', 'like', `%"${fileId.replace(/[%_\\"]/g, '')}"%`)
    .distinct()
    .execute();
}
