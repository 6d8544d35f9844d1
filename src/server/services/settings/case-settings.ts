/**
 * The case settings of a center (DESIGN §4–§5) and how a value is found: the center's own, else
 * the nearest ancestor's, else the default. Stored one row per center and key in `settings`, the
 * value as JSON (`null` = the center inherits).
 */
import type { LightThresholds } from '../../../domain/case/index.js';
import type { SettingsTable } from '../../db/schema.js';
import { listSettings } from '../../repositories/settings.js';
import type { Executor } from '../context.js';

export const CASE_SETTINGS = ['lightWarningDays', 'supplementDueWorkdays'] as const;
export type CaseSettingName = (typeof CASE_SETTINGS)[number];
export type CaseSettingValues = Record<CaseSettingName, number>;

export const CASE_SETTING_KEYS: Record<CaseSettingName, string> = {
  lightWarningDays: 'case.lightWarningDays',
  supplementDueWorkdays: 'case.supplementDueWorkdays',
};

export const CASE_SETTING_DEFAULTS: CaseSettingValues = { lightWarningDays: 2, supplementDueWorkdays: 10 };

/** Allowed values (whole working days) and how each is named to the admin. */
export const CASE_SETTING_RULES: Record<CaseSettingName, { min: number; max: number; zh: string; en: string }> = {
  lightWarningDays: { min: 0, max: 20, zh: '预警提前天数', en: 'The warning lead time' },
  supplementDueWorkdays: { min: 1, max: 60, zh: '补正期限', en: 'The supplement period' },
};

/** Center ids from the root down to the center, from its materialized path '/a/b/c/'. */
export const centerChain = (centerPath: string): string[] => centerPath.split('/').filter(Boolean);

export const parseValue = (row: SettingsTable | undefined): number | null => {
  if (!row) return null;
  const v: unknown = JSON.parse(row.value);
  return typeof v === 'number' ? v : null;
};

export interface ResolvedSetting {
  value: number;
  /** the center whose row gives the value; null = the default */
  from: string | null;
}

/** Each case setting in force at the center (the chain's rows, nearest first). */
export function resolveCaseSettings(chain: readonly string[], rows: readonly SettingsTable[]): Record<CaseSettingName, ResolvedSetting> {
  const out = {} as Record<CaseSettingName, ResolvedSetting>;
  for (const name of CASE_SETTINGS) {
    out[name] = { value: CASE_SETTING_DEFAULTS[name], from: null };
    for (const id of [...chain].reverse()) {
      const v = parseValue(rows.find((r) => r.scope === id && r.key === CASE_SETTING_KEYS[name]));
      if (v !== null) {
        out[name] = { value: v, from: id };
        break;
      }
    }
  }
  return out;
}

/** The case settings in force at the center with this path. */
export async function caseSettingsFor(db: Executor, centerPath: string): Promise<CaseSettingValues> {
  const chain = centerChain(centerPath);
  const r = resolveCaseSettings(chain, await listSettings(db, chain, Object.values(CASE_SETTING_KEYS)));
  return { lightWarningDays: r.lightWarningDays.value, supplementDueWorkdays: r.supplementDueWorkdays.value };
}

/** The traffic-light thresholds of the center with this path (the domain's clock takes them). */
export async function lightThresholdsFor(db: Executor, centerPath: string): Promise<LightThresholds> {
  return { warningDays: (await caseSettingsFor(db, centerPath)).lightWarningDays };
}

/** Thresholds per center path, read once per request. */
export function thresholdsCache(db: Executor): (centerPath: string) => Promise<LightThresholds> {
  const seen = new Map<string, Promise<LightThresholds>>();
  return (path) => {
    let t = seen.get(path);
    if (!t) seen.set(path, (t = lightThresholdsFor(db, path)));
    return t;
  };
}
