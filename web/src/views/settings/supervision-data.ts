/**
 * 监察与评价设置: the settings shown, their ranges (the server's,
 * src/server/services/settings/supervision-settings.ts), the form and its rules.
 */
import type { FormRules } from 'element-plus';
import type { DefaultLevel, SupervisionNumberName, SupervisionSettings, SupervisionSettingsBody } from '@/api/settings';
import { numberRules, type SettingLine } from './data';

type T = (key: string, named?: Record<string, unknown>) => string;

export const NUMBER_SETTINGS: readonly { name: SupervisionNumberName; testid: string; hint: string; min: number; max: number }[] = [
  { name: 'ratingPeriodDays', testid: 'settings-rating-period-days', hint: 'settings.supervision.ratingPeriodHint', min: 1, max: 30 },
  { name: 'rectifyWorkdays', testid: 'settings-rectify-workdays', hint: 'settings.supervision.rectifyHint', min: 1, max: 60 },
  { name: 'followUpPercent', testid: 'settings-follow-up-percent', hint: 'settings.supervision.followUpHint', min: 0, max: 100 },
  { name: 'orderResponseWorkdays', testid: 'settings-order-response-workdays', hint: 'settings.supervision.orderResponseHint', min: 1, max: 30 },
];

export const DEFAULT_LEVELS: readonly DefaultLevel[] = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied', 'none'];

export interface LevelLine {
  inherit: boolean;
  value: DefaultLevel | undefined;
}
export type SupervisionForm = Record<SupervisionNumberName, SettingLine> & { defaultLevel: LevelLine };

const NAMES = NUMBER_SETTINGS.map((s) => s.name);

export const emptySupervisionForm = (): SupervisionForm =>
  ({ ...Object.fromEntries(NAMES.map((n) => [n, { inherit: true, value: undefined }])), defaultLevel: { inherit: true, value: undefined } }) as SupervisionForm;

/** The form from the server's answer: what the center itself set; an inherited one starts at the value in force. */
export function supervisionFormOf(s: SupervisionSettings): SupervisionForm {
  const out = emptySupervisionForm();
  for (const n of NAMES) out[n] = { inherit: s[n].own === null, value: s[n].own ?? s[n].value };
  out.defaultLevel = { inherit: s.defaultLevel.own === null, value: s.defaultLevel.own ?? s.defaultLevel.value };
  return out;
}

export function supervisionBodyOf(f: SupervisionForm, version: number): SupervisionSettingsBody {
  const v = <V>(l: { inherit: boolean; value: V | undefined }) => (l.inherit ? null : (l.value ?? null));
  return {
    version,
    ratingPeriodDays: v(f.ratingPeriodDays),
    defaultLevel: v(f.defaultLevel),
    rectifyWorkdays: v(f.rectifyWorkdays),
    followUpPercent: v(f.followUpPercent),
    orderResponseWorkdays: v(f.orderResponseWorkdays),
  };
}

/** Set here → a whole number in range, or a chosen level (the server checks the same). */
export function supervisionRules(t: T, form: SupervisionForm): FormRules {
  return {
    ...numberRules(t, NUMBER_SETTINGS, form),
    defaultLevel: [
      {
        trigger: 'change',
        validator: (_r: unknown, _v: unknown, cb: (e?: Error) => void) =>
          cb(form.defaultLevel.inherit || form.defaultLevel.value ? undefined : new Error(t('settings.supervision.levelRequired'))),
      },
    ],
  };
}
