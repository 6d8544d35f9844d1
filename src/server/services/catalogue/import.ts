/**
 * Catalogue import: all or nothing. Pass one checks every row and file (import-check.ts); if
 * any fails, nothing is written and ImportRejectedError carries the report. Pass two writes
 * every row in ONE transaction, creating a new version only where the data differs.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { CatalogueImportBody, type CatalogueImportResult } from '../../../contracts/catalogue-api.js';
import type { ItemData } from '../../../contracts/catalogue.js';
import { invalid } from '../../../domain/errors.js';
import { normaliseFileName } from '../../../domain/catalogue/file-type.js';
import type { Database } from '../../db/schema.js';
import { findFilesBySha256, insertFile } from '../../repositories/files.js';
import { findDepartmentsOfCenter, findDraft, findItemByCode, findVersionById, lockItem } from '../../repositories/items.js';
import { fieldErrorsFromIssues } from '../../plugins/zod-messages.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { actorId, getItemRow } from './access.js';
import { importCenter } from './center.js';
import { type CheckedRow, checkFiles, checkImportRows, resolveRow } from './import-check.js';
import { readData, sameData } from './version-row.js';
import { changePublicStatusTx, createItemTx, insertVersionTx, publishDraftTx, saveDraftTx } from './writes.js';

type Trx = Transaction<Database>;
type Outcome = 'created' | 'updated' | 'unchanged';

/**
 * Imports `json` (the export format) into the center. Errors: validation (not the export
 * format, or no centerId), notFound (center), forbidden (catalogue:import over the center),
 * ImportRejectedError (422 unprocessable, with `report` — nothing written).
 */
export async function importCatalogue(ctx: Ctx, centerId: string | undefined, json: unknown): Promise<CatalogueImportResult> {
  const env = CatalogueImportBody.safeParse(json);
  if (!env.success) throw invalid(fieldErrorsFromIssues(env.error.issues as never));
  const center = await importCenter(ctx, centerId);
  const db = ctx.deps.db.kysely;
  const depts = new Map((await findDepartmentsOfCenter(db, center.id)).filter((d) => d.active === 1).map((d) => [d.code, d.id]));
  const { decoded, problems } = checkFiles(env.data.files);
  const existing = new Map((await findFilesBySha256(db, [...referencedHashes(env.data.items)])).map((f) => [f.sha256, f.id]));
  const rows = checkImportRows(
    env.data.items,
    { departmentId: (c) => depts.get(c), fileId: (sha) => existing.get(sha) ?? (decoded.has(sha) ? sha : undefined) },
    problems,
  );

  // bytes first (storage is not transactional); their rows go in with everything else
  const needed = [...new Set(rows.flatMap((r) => r.portable.materials.flatMap((m) => [m.sampleFileSha256, m.blankFileSha256])))]
    .filter((sha): sha is string => sha !== null && !existing.has(sha));
  const stored = await Promise.all(needed.map(async (sha) => ({ sha, d: decoded.get(sha)!, s: await ctx.deps.files.put(decoded.get(sha)!.data) })));
  const fileIds = new Map(existing);
  try {
    const counts = await inTx(ctx.deps, async (trx) => {
      for (const { sha, d, s } of stored) {
        const id = randomUUID();
        fileIds.set(sha, id);
        await insertFile(trx, {
          id, name: normaliseFileName(d.file.name, d.type), mime: d.type.mime,
          size: s.size, sha256: s.sha256, storage_key: s.key, purpose: 'catalogueForm', public: 0, created_by: actorId(ctx), created_at: nowIso(ctx.deps),
        });
      }
      const c = { created: 0, updated: 0, unchanged: 0 };
      const look = { departmentId: (code: string) => depts.get(code), fileId: (sha: string) => fileIds.get(sha) };
      for (const row of rows) c[await applyRow(trx, ctx, center.id, row, resolveRow(row, look))]++;
      await recordAction(trx, ctx, { entity: 'catalogue', entityId: center.id, action: 'import', payload: { rows: rows.length, ...c, files: stored.length } });
      return c;
    });
    return { rows: rows.length, ...counts, files: stored.length };
  } catch (e) {
    await Promise.all(stored.map(({ s }) => ctx.deps.files.remove(s.key)));
    throw e;
  }
}

function referencedHashes(items: unknown[]): Set<string> {
  const out = new Set<string>();
  for (const it of items) {
    const materials = (it as { data?: { materials?: unknown } })?.data?.materials;
    if (!Array.isArray(materials)) continue;
    for (const m of materials as Record<string, unknown>[]) {
      for (const k of ['sampleFileSha256', 'blankFileSha256']) if (typeof m?.[k] === 'string') out.add(m[k] as string);
    }
  }
  return out;
}

async function applyRow(trx: Trx, ctx: Ctx, centerId: string, row: CheckedRow, data: ItemData): Promise<Outcome> {
  const found = await findItemByCode(trx, centerId, row.code);
  if (!found) {
    const { itemId } = await createItemTx(trx, ctx, centerId, data);
    if (row.status !== 'draft') await publishAndSettle(trx, ctx, itemId, row.status);
    return 'created';
  }
  await lockItem(trx, ctx.deps.db.dialect, found.id);
  const item = await getItemRow(trx, found.id);
  const draft = await findDraft(trx, item.id);
  const pub = item.published_version_id ? await findVersionById(trx, item.published_version_id) : undefined;

  if (row.status === 'retired') {
    if (!pub) return 'unchanged';
    await changePublicStatusTx(trx, ctx, item, 'retire', null);
    return 'updated';
  }
  if (row.status === 'draft') {
    if (draft) {
      if (sameData(readData(draft), data)) return 'unchanged';
      await saveDraftTx(trx, ctx, item, draft, draft.version, data);
      return 'updated';
    }
    if (pub && sameData(readData(pub), data)) return 'unchanged';
    await insertVersionTx(trx, ctx, item.id, item.latest_version_no + 1, data, 'draft');
    await recordAction(trx, ctx, { entity: 'item', entityId: item.id, action: 'newDraft', payload: { versionNo: item.latest_version_no + 1 } });
    return 'updated';
  }
  // published or suspended
  if (pub && sameData(readData(pub), data)) {
    if (pub.status === row.status) return 'unchanged';
    await changePublicStatusTx(trx, ctx, item, row.status === 'suspended' ? 'suspend' : 'resume', null);
    return 'updated';
  }
  if (draft) {
    if (!sameData(readData(draft), data)) await saveDraftTx(trx, ctx, item, draft, draft.version, data);
  } else {
    await insertVersionTx(trx, ctx, item.id, item.latest_version_no + 1, data, 'draft');
  }
  await publishAndSettle(trx, ctx, item.id, row.status);
  return 'updated';
}

/** Publishes the item's draft, then suspends or retires it when the row says so. */
async function publishAndSettle(trx: Trx, ctx: Ctx, itemId: string, status: 'published' | 'suspended' | 'retired'): Promise<void> {
  const item = await getItemRow(trx, itemId);
  const draft = await findDraft(trx, itemId);
  if (!draft) throw new Error(`import: item ${itemId} has no draft to publish`);
  await publishDraftTx(trx, ctx, item, draft, draft.version, readData(draft));
  if (status === 'published') return;
  await changePublicStatusTx(trx, ctx, await getItemRow(trx, itemId), status === 'suspended' ? 'suspend' : 'retire', null);
}
