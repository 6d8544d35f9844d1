/** 办件设置: the settings shown, their ranges (the server's, src/server/services/settings/case-settings.ts), the form and its rules. */
import type { FormRules } from 'element-plus';
import type { CaseSettingName, CaseSettings, CaseSettingsBody } from '@/api/settings';

type T = (key: string, named?: Record<string, unknown>) => string;

export const SETTINGS: readonly { name: CaseSettingName; testid: string; hint: string; min: number; max: number }[] = [
  { name: 'lightWarningDays', testid: 'settings-light-warning-days', hint: 'settings.case.lightWarningHint', min: 0, max: 20 },
  { name: 'supplementDueWorkdays', testid: 'settings-supplement-due-workdays', hint: 'settings.case.supplementHint', min: 1, max: 60 },
  { name: 'deferredReturnWorkdays', testid: 'settings-deferred-return-workdays', hint: 'settings.case.deferredReturnHint', min: 1, max: 60 },
];

/** One setting in the form: inherited (null is sent) or set here to `value`. */
export interface SettingLine {
  inherit: boolean;
  value: number | undefined;
}
export type SettingsForm = Record<CaseSettingName, SettingLine>;

export const emptyForm = (): SettingsForm => ({
  lightWarningDays: { inherit: true, value: undefined },
  supplementDueWorkdays: { inherit: true, value: undefined },
  deferredReturnWorkdays: { inherit: true, value: undefined },
});

/** The form from the server's answer: what the center itself set; an inherited one starts at the value in force. */
export function formOf(s: CaseSettings): SettingsForm {
  const line = (v: CaseSettings[CaseSettingName]): SettingLine => ({ inherit: v.own === null, value: v.own ?? v.value });
  return { lightWarningDays: line(s.lightWarningDays), supplementDueWorkdays: line(s.supplementDueWorkdays), deferredReturnWorkdays: line(s.deferredReturnWorkdays) };
}

export function bodyOf(f: SettingsForm, version: number): CaseSettingsBody {
  const v = (l: SettingLine) => (l.inherit ? null : (l.value ?? null));
  return { version, lightWarningDays: v(f.lightWarningDays), supplementDueWorkdays: v(f.supplementDueWorkdays), deferredReturnWorkdays: v(f.deferredReturnWorkdays) };
}

/** Set here → a whole number in the setting's range (the server checks the same). */
export function settingsRules(t: T, form: SettingsForm): FormRules {
  return numberRules(t, SETTINGS, form);
}

/** The rules of numeric settings `specs` in a form of SettingLines (shared by the settings pages). */
export function numberRules<N extends string>(t: T, specs: readonly { name: N; min: number; max: number }[], form: Record<N, SettingLine>): FormRules {
  return Object.fromEntries(
    specs.map((s) => [
      s.name,
      [
        {
          trigger: 'change',
          validator: (_r: unknown, _v: unknown, cb: (e?: Error) => void) => {
            const l = form[s.name];
            const ok = l.inherit || (l.value !== undefined && Number.isInteger(l.value) && l.value >= s.min && l.value <= s.max);
            cb(ok ? undefined : new Error(t('settings.case.range', { min: s.min, max: s.max })));
          },
        },
      ],
    ]),
  );
}
