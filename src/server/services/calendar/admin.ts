/**
 * Admin edits of the calendar: single-day overrides (a center's, or 'national' for an official
 * arrangement entered by hand) and whole-year imports. Every change is in the action log, and
 * moves the stored deadlines of the open cases it applies to (case/recompute.ts) in the same
 * transaction.
 */
import { randomUUID } from 'node:crypto';
import { isDate, parseYearList } from '../../../domain/calendar/index.js';
import { AppError, fieldError, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { can, scopesFor } from '../../../domain/permissions.js';
import {
  deleteCalendarDay,
  deleteScopeYear,
  findCalendarDay,
  findCenterById,
  listCalendarDays,
  markYearImported,
  upsertCalendarDay,
} from '../../repositories/calendar.js';
import { recordAction } from '../audit/record.js';
import { auditRecompute, recomputeCaseDeadlines } from '../case/recompute.js';
import { type Ctx, inTx, nowIso } from '../context.js';
import { NATIONAL } from './load.js';

/** National entries need calendar:manage over every center ('/'); a center's, over that center. */
async function checkScope(ctx: Ctx, scope: string): Promise<void> {
  if (scope === NATIONAL) {
    if (!can(ctx.actor, 'calendar:manage', { centerPath: '/' }) && !isRootAdmin(ctx)) throw forbidden();
    return;
  }
  const c = await findCenterById(ctx.deps.db.kysely, scope);
  if (!c) throw invalid([fieldError('scope', 'scope：中心不存在', 'scope: no such center')]);
  if (!can(ctx.actor, 'calendar:manage', { centerPath: c.path })) throw forbidden();
}

/** An admin of a root center (no parent) may enter the national arrangement. */
function isRootAdmin(ctx: Ctx): boolean {
  return (ctx.actor?.grants ?? []).some((g) => g.role === 'centerAdmin' && g.centerPath !== null && g.centerPath.split('/').filter(Boolean).length === 1);
}

/**
 * A center's overrides may be read by who manages that center, and by the admins of the centers
 * below it (its days apply to them too); not by a sibling or a center below.
 */
async function checkReadScope(ctx: Ctx, scope: string): Promise<void> {
  const c = await findCenterById(ctx.deps.db.kysely, scope);
  const managed = scopesFor(ctx.actor!, 'calendar:manage').map((g) => g.centerPath ?? '');
  if (!c || !managed.some((p) => c.path.startsWith(p) || p.startsWith(c.path))) throw forbidden();
}

export async function listOverrides(ctx: Ctx, q: { scope?: string; year?: number }) {
  if (!can(ctx.actor, 'calendar:manage')) throw forbidden();
  if (q.scope && q.scope !== NATIONAL) await checkReadScope(ctx, q.scope);
  const scopes = q.scope ? [q.scope] : [NATIONAL, ...(ctx.actor!.grants.map((g) => g.centerId).filter(Boolean) as string[])];
  const range = q.year ? { from: `${q.year}-01-01`, to: `${q.year}-12-31` } : undefined;
  const rows = await listCalendarDays(ctx.deps.db.kysely, scopes, range);
  return {
    total: rows.length,
    items: rows.map((r) => ({ id: r.id, scope: r.scope, date: r.date, workday: r.workday === 1, name: r.name, createdAt: r.created_at })),
  };
}

/** Errors: forbidden; validation (`date`, `scope`). */
export async function setOverride(ctx: Ctx, b: { scope: string; date: string; workday: boolean; name: string | null }) {
  if (!can(ctx.actor, 'calendar:manage')) throw forbidden(); // anywhere first: 403 before the input is looked at
  if (!isDate(b.date)) throw invalid([fieldError('date', 'date：日期无效', 'date: invalid date')]);
  await checkScope(ctx, b.scope);
  const id = randomUUID();
  await inTx(ctx.deps, async (trx) => {
    await upsertCalendarDay(trx, {
      id, scope: b.scope, date: b.date, workday: b.workday ? 1 : 0, name: b.name?.trim() || null,
      created_by: ctx.actor?.userId ?? null, created_at: nowIso(ctx.deps),
    });
    // the open cases' stored deadlines follow the calendar (case locks before the log's: recompute.ts)
    const recomputed = await recomputeCaseDeadlines(trx, ctx, b.scope);
    await recordAction(trx, ctx, { entity: 'calendar', entityId: `${b.scope}:${b.date}`, action: 'setDay', payload: b });
    await auditRecompute(trx, ctx, b.scope, recomputed, { date: b.date });
  });
  return { id, scope: b.scope, date: b.date, workday: b.workday, name: b.name?.trim() || null, createdAt: nowIso(ctx.deps) };
}

export async function removeOverride(ctx: Ctx, id: string) {
  if (!can(ctx.actor, 'calendar:manage')) throw forbidden(); // anywhere first: 403 before the input is looked at
  const row = await findCalendarDay(ctx.deps.db.kysely, id);
  if (!row) throw notFound('日历调整', 'Calendar entry');
  await checkScope(ctx, row.scope);
  await inTx(ctx.deps, async (trx) => {
    await deleteCalendarDay(trx, id);
    const recomputed = await recomputeCaseDeadlines(trx, ctx, row.scope);
    await recordAction(trx, ctx, { entity: 'calendar', entityId: `${row.scope}:${row.date}`, action: 'removeDay', payload: { date: row.date } });
    await auditRecompute(trx, ctx, row.scope, recomputed, { date: row.date });
  });
}

/**
 * Replaces a scope's days of one year with the list; for 'national' the year's official
 * arrangement then counts as loaded. All or nothing: any bad line and nothing is written.
 * Errors: forbidden; validation naming `text` (with the line numbers) or `year`.
 */
export async function importYear(ctx: Ctx, b: { scope: string; year: number; text: string }) {
  if (!can(ctx.actor, 'calendar:manage')) throw forbidden(); // anywhere first: 403 before the input is looked at
  await checkScope(ctx, b.scope);
  const parsed = parseYearList(b.text, b.year);
  if (!parsed.ok) {
    throw invalid(
      parsed.errors.map((e) => fieldError(`text.line${e.line}`, `第${e.line}行：${e.message}`, `line ${e.line}: ${e.messageEn}`)),
    );
  }
  if (parsed.year !== b.year) throw new AppError('validation', '年份不一致', 'Year mismatch', [fieldError('year', 'year：与清单中的年份不一致', 'year: differs from the list')]);
  const at = nowIso(ctx.deps);
  await inTx(ctx.deps, async (trx) => {
    await deleteScopeYear(trx, b.scope, b.year);
    for (const d of parsed.days) {
      await upsertCalendarDay(trx, {
        id: randomUUID(), scope: b.scope, date: d.date, workday: d.workday ? 1 : 0, name: d.name,
        created_by: ctx.actor?.userId ?? null, created_at: at,
      });
    }
    if (b.scope === NATIONAL) await markYearImported(trx, b.year, ctx.actor?.userId ?? null, at);
    const recomputed = await recomputeCaseDeadlines(trx, ctx, b.scope);
    await recordAction(trx, ctx, { entity: 'calendar', entityId: `${b.scope}:${b.year}`, action: 'importYear', payload: { days: parsed.days.length } });
    await auditRecompute(trx, ctx, b.scope, recomputed, { year: b.year });
  });
  return { year: b.year, days: parsed.days.length, officialLoaded: b.scope === NATIONAL };
}
