/**
 * The case settings of a center (DESIGN §4–§5) and how a value is found: the center's own, else
 * the nearest ancestor's, else the default (the generic part: ./group.ts). Stored one row per
 * center and key in `settings`, the value as JSON (`null` = the center inherits).
 */
import type { LightThresholds } from '../../../domain/case/index.js';
import type { SettingsTable } from '../../db/schema.js';
import type { Executor } from '../context.js';
import { centerChain, type ResolvedSetting, resolveSettings, type SettingsGroup, settingsFor, wholeNumberRule } from './group.js';

export { centerChain, type ResolvedSetting } from './group.js';

export const CASE_SETTINGS = ['lightWarningDays', 'supplementDueWorkdays', 'deferredReturnWorkdays'] as const;
export type CaseSettingName = (typeof CASE_SETTINGS)[number];
export type CaseSettingValues = Record<CaseSettingName, number>;

export const CASE_SETTING_KEYS: Record<CaseSettingName, string> = {
  lightWarningDays: 'case.lightWarningDays',
  supplementDueWorkdays: 'case.supplementDueWorkdays',
  deferredReturnWorkdays: 'case.deferredReturnWorkdays',
};

/** deferredReturnWorkdays: a case suspended for overdue 容缺 materials is returned after this further period (DESIGN §4, 台州: 15) */
export const CASE_SETTING_DEFAULTS: CaseSettingValues = { lightWarningDays: 2, supplementDueWorkdays: 10, deferredReturnWorkdays: 15 };

/** Allowed values (whole working days) and how each is named to the admin. */
export const CASE_SETTING_RULES: Record<CaseSettingName, { min: number; max: number; zh: string; en: string }> = {
  lightWarningDays: { min: 0, max: 20, zh: '预警提前天数', en: 'The warning lead time' },
  supplementDueWorkdays: { min: 1, max: 60, zh: '补正期限', en: 'The supplement period' },
  deferredReturnWorkdays: { min: 1, max: 60, zh: '容缺材料逾期退回期限', en: 'The period before a case with overdue deferred materials is returned' },
};

const workdays = { unitZh: '工作日', unitEn: 'working days' };

export const CASE_SETTINGS_GROUP: SettingsGroup<CaseSettingName> = {
  names: CASE_SETTINGS,
  rules: {
    lightWarningDays: wholeNumberRule(CASE_SETTING_KEYS.lightWarningDays, CASE_SETTING_DEFAULTS.lightWarningDays, { ...CASE_SETTING_RULES.lightWarningDays, ...workdays }),
    supplementDueWorkdays: wholeNumberRule(CASE_SETTING_KEYS.supplementDueWorkdays, CASE_SETTING_DEFAULTS.supplementDueWorkdays, {
      ...CASE_SETTING_RULES.supplementDueWorkdays,
      ...workdays,
    }),
    deferredReturnWorkdays: wholeNumberRule(CASE_SETTING_KEYS.deferredReturnWorkdays, CASE_SETTING_DEFAULTS.deferredReturnWorkdays, {
      ...CASE_SETTING_RULES.deferredReturnWorkdays,
      ...workdays,
    }),
  },
  action: 'updateCaseSettings',
  label: { zh: '本中心的办件设置', en: "This center's case settings" },
};

/** Each case setting in force at the center (the chain's rows, nearest first). */
export function resolveCaseSettings(chain: readonly string[], rows: readonly SettingsTable[]): Record<CaseSettingName, ResolvedSetting<number>> {
  return resolveSettings(CASE_SETTINGS_GROUP, chain, rows) as Record<CaseSettingName, ResolvedSetting<number>>;
}

/** The case settings in force at the center with this path. */
export async function caseSettingsFor(db: Executor, centerPath: string): Promise<CaseSettingValues> {
  return (await settingsFor(db, CASE_SETTINGS_GROUP, centerPath)) as CaseSettingValues;
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
