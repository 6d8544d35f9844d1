import type { CenterDetail, CenterList, CenterListQuery } from '../../../contracts/organisation.js';
import { notFound } from '../../../domain/errors.js';
import { findCenterById, listCentersWithCounts } from '../../repositories/centers.js';
import type { Ctx, Executor } from '../context.js';
import { orgReadPaths, requireOrgRead, requireSome } from './scope.js';
import { toCenterDetail, toCenterListItem } from './views.js';

/**
 * The centers the actor can see (the subtrees of their org:read grants), flat, in tree order:
 * parents before children, siblings by area code.
 * Errors: unauthenticated, forbidden (no org:read).
 */
export async function listCenters(ctx: Ctx, query: CenterListQuery): Promise<CenterList> {
  const actor = requireSome(ctx, 'org:read');
  const rows = await listCentersWithCounts(ctx.deps.db.kysely, {
    pathPrefixes: orgReadPaths(actor),
    active: query.active === undefined ? undefined : query.active === 'true',
  });
  const items = treeOrder(rows.map(toCenterListItem));
  return { items, total: items.length };
}

/** Depth-first order; a center whose parent is not in the list (filtered out, or above the view) is a root. */
function treeOrder<T extends { id: string; parentId: string | null; areaCode: string }>(list: T[]): T[] {
  const byParent = new Map<string | null, T[]>();
  const ids = new Set(list.map((c) => c.id));
  for (const c of list) {
    const key = c.parentId && ids.has(c.parentId) ? c.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), c]);
  }
  const out: T[] = [];
  const walk = (parent: string | null) => {
    for (const c of (byParent.get(parent) ?? []).sort((a, b) => a.areaCode.localeCompare(b.areaCode))) {
      out.push(c);
      walk(c.id);
    }
  };
  walk(null);
  return out;
}

/** Errors: unauthenticated, forbidden (outside the actor's org:read scope), notFound. */
export async function getCenter(ctx: Ctx, id: string): Promise<CenterDetail> {
  const actor = requireSome(ctx, 'org:read');
  const c = await findCenterById(ctx.deps.db.kysely, id);
  if (!c) throw notFound('中心', 'Center');
  requireOrgRead(actor, c.path);
  return loadCenterDetail(ctx.deps.db.kysely, id);
}

/** The detail of a center that exists (used after writes, inside their transaction). */
export async function loadCenterDetail(db: Executor, id: string): Promise<CenterDetail> {
  const c = await findCenterById(db, id);
  if (!c) throw notFound('中心', 'Center');
  const [row] = await listCentersWithCounts(db, { pathPrefixes: [c.path], ids: [id] });
  const parent = c.parent_id ? await findCenterById(db, c.parent_id) : undefined;
  return toCenterDetail(row, parent?.name ?? null);
}
