/** Delegations (授权): the items a department lets its chief rep decide at the window. */
import type { DelegationsTable } from '../db/schema.js';
import type { Executor } from '../services/context.js';
import type { Visibility } from './staff.js';

export type DelegationRow = DelegationsTable;
export type DelegationView = DelegationRow & {
  department_name: string;
  item_code: string;
  item_name: string | null;
  granted_by_name: string | null;
};

/** The item's owner and code; items are the catalogue's, read here only to check ownership. */
export async function findItemOwner(db: Executor, itemId: string) {
  return db.selectFrom('items').select(['id', 'department_id', 'code']).where('id', '=', itemId).executeTakeFirst();
}

export async function findDelegationById(db: Executor, id: string): Promise<DelegationRow | undefined> {
  return db.selectFrom('delegations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDelegation(db: Executor, row: DelegationRow): Promise<void> {
  await db.insertInto('delegations').values(row).execute();
}

export async function deleteDelegation(db: Executor, id: string): Promise<boolean> {
  const r = await db.deleteFrom('delegations').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

function views(db: Executor) {
  return db
    .selectFrom('delegations')
    .innerJoin('departments', 'departments.id', 'delegations.department_id')
    .innerJoin('centers', 'centers.id', 'departments.center_id')
    .innerJoin('items', 'items.id', 'delegations.item_id')
    .leftJoin('users as granter', 'granter.id', 'delegations.granted_by')
    .selectAll('delegations')
    .select((eb) => [
      'departments.name as department_name',
      'items.code as item_code',
      'granter.display_name as granted_by_name',
      // the published version's name, else the latest version's
      eb
        .selectFrom('item_versions')
        .select('item_versions.name')
        .whereRef('item_versions.item_id', '=', 'items.id')
        .orderBy((e) => e.case().when('item_versions.id', '=', e.ref('items.published_version_id')).then(0).else(1).end())
        .orderBy('item_versions.version_no', 'desc')
        .limit(1)
        .as('item_name'),
    ]);
}

export async function findDelegationView(db: Executor, id: string): Promise<DelegationView | undefined> {
  return views(db).where('delegations.id', '=', id).executeTakeFirst();
}

export async function listDelegations(
  db: Executor,
  f: { visibility: Visibility[]; departmentId?: string; limit: number; offset: number },
): Promise<{ rows: DelegationView[]; total: number }> {
  if (f.visibility.length === 0) return { rows: [], total: 0 };
  let q = views(db).where((eb) =>
    eb.or(
      f.visibility.map((v) =>
        v.departmentId === null
          ? eb('centers.path', 'like', `${v.path}%`)
          : eb.and([eb('centers.path', 'like', `${v.path}%`), eb('delegations.department_id', '=', v.departmentId)]),
      ),
    ),
  );
  if (f.departmentId) q = q.where('delegations.department_id', '=', f.departmentId);
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.orderBy('delegations.created_at', 'desc').orderBy('delegations.id').limit(f.limit).offset(f.offset).execute();
  return { rows, total: Number(total.n) };
}
