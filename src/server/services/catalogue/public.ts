/** The public catalogue (no login): search, guide page, departments and themes with counts. */
import type {
  ItemGuide,
  PublicDepartmentList,
  PublicItemList,
  PublicItemsQuery,
  PublicThemeList,
} from '../../../contracts/catalogue-api.js';
import type { HandlingClass, OnlineDepth } from '../../../contracts/catalogue.js';
import { notFound } from '../../../domain/errors.js';
import { countPublicByDepartment, findPublicVersion, publicThemeStrings, searchPublicItems as searchRows } from '../../repositories/items.js';
import type { Ctx } from '../context.js';
import { buildGuide, publicFileUrl } from './guide.js';
import { readData } from './version-row.js';

/** Published and suspended items only; drafts and retired versions never show. */
export async function searchPublicItems(ctx: Ctx, q: PublicItemsQuery): Promise<PublicItemList> {
  const { rows, total } = await searchRows(ctx.deps.db.kysely, ctx.deps.db.dialect, {
    q: q.q || undefined,
    department: q.department || undefined,
    theme: q.theme || undefined,
    onlineDepth: q.onlineDepth,
    handlingClass: q.handlingClass,
    centerId: q.centerId,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    total,
    items: rows.map((r) => {
      const d = readData(r);
      return {
        id: r.id,
        code: r.code,
        name: d.name,
        departmentId: r.department_id,
        departmentName: r.department_name,
        handlingClass: d.handlingClass as HandlingClass,
        onlineDepth: d.onlineDepth as OnlineDepth,
        maxVisits: d.maxVisits,
        promisedLimit: d.promisedLimit,
        statutoryLimit: d.statutoryLimit,
        themes: d.themes,
        suspended: r.status === 'suspended',
      };
    }),
  };
}

/** The guide page of an item by id or code. Errors: notFound (no such public item). */
export async function getPublicItem(ctx: Ctx, idOrCode: string, centerId?: string): Promise<ItemGuide> {
  const db = ctx.deps.db.kysely;
  const v = await findPublicVersion(db, idOrCode, centerId);
  if (!v) throw notFound('事项', 'Item');
  return buildGuide(db, v, v.center_id, publicFileUrl);
}

export async function listPublicDepartments(ctx: Ctx, centerId?: string): Promise<PublicDepartmentList> {
  const rows = await countPublicByDepartment(ctx.deps.db.kysely, centerId);
  return { total: rows.length, items: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, centerId: r.center_id, count: r.n })) };
}

/** Themes with the number of public items carrying each, most used first. */
export async function listPublicThemes(ctx: Ctx, centerId?: string): Promise<PublicThemeList> {
  const counts = new Map<string, number>();
  for (const s of await publicThemeStrings(ctx.deps.db.kysely, centerId)) {
    for (const t of s.split('|').filter(Boolean)) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const items = [...counts].map(([theme, count]) => ({ theme, count })).sort((a, b) => b.count - a.count || a.theme.localeCompare(b.theme, 'zh-CN'));
  return { total: items.length, items };
}
