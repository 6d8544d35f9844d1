import type { CatalogueExport, PortableFile } from '../../../contracts/catalogue-api.js';
import type { ItemStatus } from '../../../contracts/catalogue.js';
import { findFilesByIds } from '../../repositories/files.js';
import { findDepartmentsByIds, versionsForExport } from '../../repositories/items.js';
import { type Ctx, nowIso } from '../context.js';
import { importCenter } from './center.js';
import { toPortable } from './portable.js';
import { readData, referencedFileIds } from './version-row.js';

/**
 * The center's catalogue as portable JSON: per item its public version (published/suspended),
 * or for an item without one its latest version (draft/retired); forms embedded once each.
 * Errors: validation (no centerId and none implied), notFound (center), forbidden (catalogue:import).
 */
export async function exportCatalogue(ctx: Ctx, centerId?: string): Promise<CatalogueExport> {
  const center = await importCenter(ctx, centerId);
  const db = ctx.deps.db.kysely;
  const rows = (await versionsForExport(db, center.id)).map((r) => ({ code: r.code, status: r.status as ItemStatus, data: readData(r) }));
  const deptIds = rows.flatMap((r) => [r.data.departmentId, ...r.data.coDepartmentIds, ...r.data.procedure.map((s) => s.departmentId ?? r.data.departmentId)]);
  const depts = new Map((await findDepartmentsByIds(db, deptIds)).map((d) => [d.id, d.code]));
  const fileRows = await findFilesByIds(db, rows.flatMap((r) => referencedFileIds(r.data)));
  const shaOf = new Map(fileRows.map((f) => [f.id, f.sha256]));
  const files = new Map<string, PortableFile>();
  for (const f of fileRows) {
    if (files.has(f.sha256)) continue;
    const data = await ctx.deps.files.get(f.storage_key);
    files.set(f.sha256, { sha256: f.sha256, name: f.name, mime: f.mime, contentBase64: data.toString('base64') });
  }
  return {
    format: 'onestop-catalogue',
    version: 1,
    exportedAt: nowIso(ctx.deps),
    items: rows.map((r) => ({
      code: r.code,
      status: r.status,
      data: toPortable(r.data, (id) => depts.get(id) ?? id, (id) => (id ? (shaOf.get(id) ?? null) : null)),
    })),
    files: [...files.values()],
  };
}
