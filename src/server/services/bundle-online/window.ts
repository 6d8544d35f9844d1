/**
 * The window's side of online bundle applications: the list of the ones it may work (the bundle's
 * center and departments, the run rule), one application (ID number masked), and the uploaded
 * files, downloaded like the hall's case materials.
 */
import type { BundleApplicationList, BundleApplicationListQuery, BundleApplicationView } from '../../../contracts/bundle-online.js';
import { BundleApplicationListQuery as ListQuery } from '../../../contracts/bundle-online.js';
import { notFound } from '../../../domain/errors.js';
import { findFile } from '../../repositories/files.js';
import { type FileContent, toFileInfo } from '../catalogue/files.js';
import type { Ctx } from '../context.js';
import { windowApplication, windowApplications } from './access.js';
import { buildView, storedMaterials, toSummary } from './view.js';

/** Oldest first. Errors: forbidden (no case:intake + case:accept anywhere). */
export async function windowBundleApplications(ctx: Ctx, input: BundleApplicationListQuery): Promise<BundleApplicationList> {
  const q = ListQuery.parse(input);
  const rows = await windowApplications(ctx, ctx.deps.db.kysely, q.status);
  const from = (q.page - 1) * q.pageSize;
  return { items: rows.slice(from, from + q.pageSize).map((r) => toSummary(r, 'staff')), total: rows.length };
}

/** Errors: forbidden (out of scope), notFound. */
export async function windowBundleApplication(ctx: Ctx, id: string): Promise<BundleApplicationView> {
  const db = ctx.deps.db.kysely;
  const { row } = await windowApplication(ctx, db, id);
  return buildView(ctx, db, row, 'staff');
}

/** A file the application names. Errors: forbidden, notFound. */
export async function windowBundleApplicationFile(ctx: Ctx, id: string, fileId: string): Promise<FileContent> {
  const db = ctx.deps.db.kysely;
  const { row } = await windowApplication(ctx, db, id);
  const f = storedMaterials(row).some((m) => m.fileId === fileId) ? await findFile(db, fileId) : undefined;
  if (!f) throw notFound('文件', 'File');
  return { info: toFileInfo(f), data: await ctx.deps.files.get(f.storage_key) };
}
