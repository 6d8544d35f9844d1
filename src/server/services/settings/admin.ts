/**
 * Reading and changing a center's case settings (GET/PUT /api/v1/admin/settings/case). The center
 * is the one named, or else the one where the admin holds settings:manage; an admin acts on their
 * center and the centers below it. A change replaces the center's own values (null = inherit)
 * under one version, and is in the action log.
 *
 * Decisions:
 * - Every key of the group is written on each change, all at the group's next version: one
 *   token guards the whole form, and a key added later joins at the current version.
 * - Version 0 means "nothing set at this center yet": the first change inserts the rows, and a
 *   second writer racing it hits the primary key (409), as a stale version does.
 */
import { CaseSettingsBody, type CaseSettings, SettingsQuery } from '../../../contracts/settings.js';
import { AppError, conflict, fieldError, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { type Actor, can, scopesFor } from '../../../domain/permissions.js';
import { isUniqueViolation } from '../../db/dialect.js';
import type { SettingsTable } from '../../db/schema.js';
import { findCenterById } from '../../repositories/centers.js';
import { insertSetting, listSettings, updateSetting } from '../../repositories/settings.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, type Executor, inTx, nowIso } from '../context.js';
import { CASE_SETTINGS, CASE_SETTING_KEYS, CASE_SETTING_RULES, centerChain, parseValue, resolveCaseSettings } from './case-settings.js';

const KEYS = Object.values(CASE_SETTING_KEYS);
const settingsConflict = () => conflict('本中心的办件设置', "This center's case settings");

function requireManager(ctx: Ctx): Actor {
  const actor = ctx.actor;
  if (!actor) throw new AppError('unauthenticated', '请先登录', 'Please log in');
  if (!can(actor, 'settings:manage')) throw forbidden();
  return actor;
}

/** The center acted on: the one named (404; 403 outside the admin's subtree), or the admin's own. */
async function centerOf(db: Executor, actor: Actor, centerId: string | undefined): Promise<{ id: string; path: string }> {
  const id = centerId ?? scopesFor(actor, 'settings:manage').find((g) => g.centerId !== null)?.centerId;
  if (!id) throw invalid([fieldError('centerId', 'centerId：请指定中心', 'centerId: name the center')]);
  const c = await findCenterById(db, id);
  if (!c) throw notFound('中心', 'Center');
  if (!can(actor, 'settings:manage', { centerPath: c.path })) throw forbidden();
  return c;
}

async function view(db: Executor, center: { id: string; path: string }): Promise<CaseSettings> {
  const chain = centerChain(center.path);
  const rows = await listSettings(db, chain, KEYS);
  const resolved = resolveCaseSettings(chain, rows);
  const own = rows.filter((r) => r.scope === center.id);
  const out = { centerId: center.id, version: Math.max(0, ...own.map((r) => r.version)) } as CaseSettings;
  for (const name of CASE_SETTINGS) {
    const r = resolved[name];
    out[name] = {
      value: r.value,
      own: parseValue(own.find((x) => x.key === CASE_SETTING_KEYS[name])),
      source: r.from === null ? 'default' : r.from === center.id ? 'center' : 'ancestor',
      sourceCenterId: r.from,
    };
  }
  return out;
}

/** Errors: unauthenticated, forbidden (no settings:manage over the center), notFound (centerId). */
export async function getCaseSettings(ctx: Ctx, input: SettingsQuery): Promise<CaseSettings> {
  const actor = requireManager(ctx);
  const q = SettingsQuery.parse(input);
  const db = ctx.deps.db.kysely;
  return view(db, await centerOf(db, actor, q.centerId));
}

/**
 * Errors: unauthenticated, forbidden, notFound (centerId), validation (400 naming
 * `lightWarningDays` / `supplementDueWorkdays` out of range or not whole), conflict (409: the
 * center's settings changed since `version`).
 */
export async function updateCaseSettings(ctx: Ctx, query: SettingsQuery, input: CaseSettingsBody): Promise<CaseSettings> {
  const actor = requireManager(ctx);
  const q = SettingsQuery.parse(query);
  const body = CaseSettingsBody.parse(input);
  const problems = CASE_SETTINGS.flatMap((name) => {
    const v = body[name];
    const { min, max, zh, en } = CASE_SETTING_RULES[name];
    if (v === null || (Number.isInteger(v) && v >= min && v <= max)) return [];
    return [fieldError(name, `${name}：${zh}应为 ${min} 到 ${max} 之间的整数（工作日）`, `${name}: ${en} must be a whole number of working days from ${min} to ${max}`)];
  });
  if (problems.length > 0) throw invalid(problems);
  const db = ctx.deps.db.kysely;
  const center = await centerOf(db, actor, q.centerId);
  const at = nowIso(ctx.deps);
  await inTx(ctx.deps, async (trx) => {
    const own = await listSettings(trx, [center.id], KEYS);
    const current = Math.max(0, ...own.map((r) => r.version));
    if (current !== body.version) throw settingsConflict();
    const next = current + 1;
    for (const name of CASE_SETTINGS) {
      const row: SettingsTable = { scope: center.id, key: CASE_SETTING_KEYS[name], value: JSON.stringify(body[name]), version: next, updated_at: at };
      const existing = own.find((r) => r.key === row.key);
      if (existing) {
        if (!(await updateSetting(trx, row, existing.version))) throw settingsConflict();
        continue;
      }
      try {
        await insertSetting(trx, row);
      } catch (e) {
        if (isUniqueViolation(e)) throw settingsConflict();
        throw e;
      }
    }
    await recordAction(trx, ctx, {
      entity: 'settings',
      entityId: center.id,
      action: 'updateCaseSettings',
      payload: { version: next, lightWarningDays: body.lightWarningDays, supplementDueWorkdays: body.supplementDueWorkdays },
    });
  });
  return view(db, center);
}
