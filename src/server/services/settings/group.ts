/**
 * A group of center settings (DESIGN §4–§6) — the generic part shared by the case settings and the
 * supervision/evaluation settings: how a value is found (the center's own, else the nearest
 * ancestor's, else the default), and reading and replacing a center's own values under one version,
 * with settings:manage over the center, the change in the action log.
 *
 * Decisions:
 * - Every key of the group is written on each change, all at the group's next version: one
 *   token guards the whole form, and a key added later joins at the current version.
 * - Version 0 means "nothing set at this center yet": the first change inserts the rows, and a
 *   second writer racing it hits the primary key (409), as a stale version does.
 * - Stored JSON `null` means the center inherits; a stored value the group cannot read is skipped.
 */
import { AppError, conflict, type FieldError, fieldError, forbidden, invalid, notFound } from '../../../domain/errors.js';
import { type Actor, can, scopesFor } from '../../../domain/permissions.js';
import { isUniqueViolation } from '../../db/dialect.js';
import type { SettingsTable } from '../../db/schema.js';
import { findCenterById } from '../../repositories/centers.js';
import { insertSetting, listSettings, updateSetting } from '../../repositories/settings.js';
import { recordAction } from '../audit/record.js';
import { type Ctx, type Executor, inTx, nowIso } from '../context.js';

export type SettingValue = number | string;

export interface SettingRule<V extends SettingValue = SettingValue> {
  /** the row key in `settings` */
  key: string;
  default: V;
  /** a stored value the readers take (anything else is skipped, as if inherited) */
  readable(v: unknown): v is V;
  /** a value an admin may set, else the field error (zh-CN and English, the field named) */
  check(name: string, v: unknown): FieldError | null;
}

export interface SettingsGroup<N extends string> {
  names: readonly N[];
  rules: Record<N, SettingRule>;
  /** the action-log action of a change */
  action: string;
  /** the 409 message's subject */
  label: { zh: string; en: string };
}

/** The view of one setting at a center. */
export interface SettingLine {
  value: SettingValue;
  own: SettingValue | null;
  source: 'center' | 'ancestor' | 'default';
  sourceCenterId: string | null;
}
export type GroupView<N extends string> = { centerId: string; version: number } & Record<N, SettingLine>;

/** Center ids from the root down to the center, from its materialized path '/a/b/c/'. */
export const centerChain = (centerPath: string): string[] => centerPath.split('/').filter(Boolean);

/** The value of a row as the rule reads it; null = inherit (no row, JSON null, or unreadable). */
export function readRow(rule: SettingRule, row: SettingsTable | undefined): SettingValue | null {
  if (!row) return null;
  const v: unknown = JSON.parse(row.value);
  return rule.readable(v) ? v : null;
}

export interface ResolvedSetting<V = SettingValue> {
  value: V;
  /** the center whose row gives the value; null = the default */
  from: string | null;
}

/** Each setting of the group in force at the end of the chain (root first). */
export function resolveSettings<N extends string>(group: Pick<SettingsGroup<N>, 'names' | 'rules'>, chain: readonly string[], rows: readonly SettingsTable[]): Record<N, ResolvedSetting> {
  const out = {} as Record<N, ResolvedSetting>;
  for (const name of group.names) {
    const rule = group.rules[name];
    out[name] = { value: rule.default, from: null };
    for (const id of [...chain].reverse()) {
      const v = readRow(rule, rows.find((r) => r.scope === id && r.key === rule.key));
      if (v !== null) {
        out[name] = { value: v, from: id };
        break;
      }
    }
  }
  return out;
}

/** The values in force at the center with this path. */
export async function settingsFor<N extends string>(db: Executor, group: Pick<SettingsGroup<N>, 'names' | 'rules'>, centerPath: string): Promise<Record<N, SettingValue>> {
  const chain = centerChain(centerPath);
  const r = resolveSettings(group, chain, await listSettings(db, chain, keysOf(group)));
  return Object.fromEntries(group.names.map((n) => [n, r[n].value])) as Record<N, SettingValue>;
}

const keysOf = <N extends string>(group: Pick<SettingsGroup<N>, 'names' | 'rules'>): string[] => group.names.map((n) => group.rules[n].key);

/** A whole number in [min, max], named with its unit: the usual rule. */
export function wholeNumberRule(key: string, dflt: number, r: { min: number; max: number; zh: string; en: string; unitZh: string; unitEn: string }): SettingRule<number> {
  return {
    key,
    default: dflt,
    readable: (v): v is number => typeof v === 'number' && Number.isFinite(v),
    check: (name, v) =>
      typeof v === 'number' && Number.isInteger(v) && v >= r.min && v <= r.max
        ? null
        : fieldError(name, `${name}：${r.zh}应为 ${r.min} 到 ${r.max} 之间的整数（${r.unitZh}）`, `${name}: ${r.en} must be a whole number of ${r.unitEn} from ${r.min} to ${r.max}`),
  };
}

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

async function view<N extends string>(db: Executor, group: SettingsGroup<N>, center: { id: string; path: string }): Promise<GroupView<N>> {
  const chain = centerChain(center.path);
  const rows = await listSettings(db, chain, keysOf(group));
  const resolved = resolveSettings(group, chain, rows);
  const own = rows.filter((r) => r.scope === center.id);
  const out = { centerId: center.id, version: Math.max(0, ...own.map((r) => r.version)) } as GroupView<N>;
  for (const name of group.names) {
    const r = resolved[name];
    const line: SettingLine = {
      value: r.value,
      own: readRow(group.rules[name], own.find((x) => x.key === group.rules[name].key)),
      source: r.from === null ? 'default' : r.from === center.id ? 'center' : 'ancestor',
      sourceCenterId: r.from,
    };
    (out as Record<N, SettingLine>)[name] = line;
  }
  return out;
}

/** Errors: unauthenticated, forbidden (no settings:manage over the center), notFound (centerId). */
export async function readGroup<N extends string>(ctx: Ctx, group: SettingsGroup<N>, centerId: string | undefined): Promise<GroupView<N>> {
  const actor = requireManager(ctx);
  const db = ctx.deps.db.kysely;
  return view(db, group, await centerOf(db, actor, centerId));
}

/**
 * Replaces the center's own values (null = inherit). Errors: unauthenticated, forbidden, notFound
 * (centerId), validation (400 naming each bad field), conflict (409: changed since `version`).
 */
export async function writeGroup<N extends string>(
  ctx: Ctx,
  group: SettingsGroup<N>,
  centerId: string | undefined,
  body: { version: number } & Record<N, unknown>,
): Promise<GroupView<N>> {
  const actor = requireManager(ctx);
  const problems = group.names.flatMap((name) => {
    const v = body[name];
    const e = v === null ? null : group.rules[name].check(name, v);
    return e ? [e] : [];
  });
  if (problems.length > 0) throw invalid(problems);
  const db = ctx.deps.db.kysely;
  const center = await centerOf(db, actor, centerId);
  const at = nowIso(ctx.deps);
  const stale = () => conflict(group.label.zh, group.label.en);
  await inTx(ctx.deps, async (trx) => {
    const own = await listSettings(trx, [center.id], keysOf(group));
    const current = Math.max(0, ...own.map((r) => r.version));
    if (current !== body.version) throw stale();
    const next = current + 1;
    for (const name of group.names) {
      const row: SettingsTable = { scope: center.id, key: group.rules[name].key, value: JSON.stringify(body[name]), version: next, updated_at: at };
      const existing = own.find((r) => r.key === row.key);
      if (existing) {
        if (!(await updateSetting(trx, row, existing.version))) throw stale();
        continue;
      }
      try {
        await insertSetting(trx, row);
      } catch (e) {
        if (isUniqueViolation(e)) throw stale();
        throw e;
      }
    }
    const payload: Record<string, unknown> = { version: next };
    for (const name of group.names) payload[name] = body[name];
    await recordAction(trx, ctx, { entity: 'settings', entityId: center.id, action: group.action, payload });
  });
  return view(db, group, center);
}
