/**
 * All messages, merged from one file per module: `zh-CN/<module>.ts` (the source of the shape)
 * and `en/<module>.ts` (typed against it). To add a module `foo`:
 *   1. write `zh-CN/foo.ts` (`export default { … }`) and `en/foo.ts` (`… satisfies LocaleModule<typeof zh>`);
 *   2. add the two imports below and the `foo` key to both objects;
 *   3. use `t('foo.someKey')` in templates and code.
 * Message syntax is vue-i18n's: `{n}` interpolates; a literal `@ { } | $` needs `{'@'}`.
 */
import { createI18n } from 'vue-i18n';
import { LOCALE_STORAGE_KEY, type LocaleCode, LOCALES } from './types';

import zhCommon from './zh-CN/common';
import zhDict from './zh-CN/dict';
import zhAuth from './zh-CN/auth';
import zhLayout from './zh-CN/layout';
import zhOrganisation from './zh-CN/organisation';
import zhCalendar from './zh-CN/calendar';
import zhHome from './zh-CN/home';
import zhGuide from './zh-CN/guide';
import zhCatalogue from './zh-CN/catalogue';
import zhWorkbench from './zh-CN/workbench';
import zhAudit from './zh-CN/audit';
import zhCases from './zh-CN/cases';
import zhReview from './zh-CN/review';
import zhProgress from './zh-CN/progress';
import zhMessages from './zh-CN/messages';
import zhSettings from './zh-CN/settings';
import zhHall from './zh-CN/hall';
import zhSupervision from './zh-CN/supervision';
import zhSupervisionReports from './zh-CN/supervisionReports';
import zhEvaluation from './zh-CN/evaluation';
import zhBundleCases from './zh-CN/bundleCases';
import zhMeetings from './zh-CN/meetings';
import zhCaseFlags from './zh-CN/caseFlags';
import zhBundleOnline from './zh-CN/bundleOnline';

import enCommon from './en/common';
import enDict from './en/dict';
import enAuth from './en/auth';
import enLayout from './en/layout';
import enOrganisation from './en/organisation';
import enCalendar from './en/calendar';
import enHome from './en/home';
import enGuide from './en/guide';
import enCatalogue from './en/catalogue';
import enWorkbench from './en/workbench';
import enAudit from './en/audit';
import enCases from './en/cases';
import enReview from './en/review';
import enProgress from './en/progress';
import enMessages from './en/messages';
import enSettings from './en/settings';
import enHall from './en/hall';
import enSupervision from './en/supervision';
import enSupervisionReports from './en/supervisionReports';
import enEvaluation from './en/evaluation';
import enBundleCases from './en/bundleCases';
import enMeetings from './en/meetings';
import enCaseFlags from './en/caseFlags';
import enBundleOnline from './en/bundleOnline';

const zhCN = {
  common: zhCommon,
  dict: zhDict,
  auth: zhAuth,
  layout: zhLayout,
  organisation: zhOrganisation,
  calendar: zhCalendar,
  home: zhHome,
  guide: zhGuide,
  catalogue: zhCatalogue,
  workbench: zhWorkbench,
  audit: zhAudit,
  cases: zhCases,
  review: zhReview,
  progress: zhProgress,
  messages: zhMessages,
  settings: zhSettings,
  hall: zhHall,
  supervision: zhSupervision,
  supervisionReports: zhSupervisionReports,
  evaluation: zhEvaluation,
  bundleCases: zhBundleCases,
  meetings: zhMeetings,
  caseFlags: zhCaseFlags,
  bundleOnline: zhBundleOnline,
};
export type MessageSchema = typeof zhCN;

const en: MessageSchema = {
  common: enCommon,
  dict: enDict,
  auth: enAuth,
  layout: enLayout,
  organisation: enOrganisation,
  calendar: enCalendar,
  home: enHome,
  guide: enGuide,
  catalogue: enCatalogue,
  workbench: enWorkbench,
  audit: enAudit,
  cases: enCases,
  review: enReview,
  progress: enProgress,
  messages: enMessages,
  settings: enSettings,
  hall: enHall,
  supervision: enSupervision,
  supervisionReports: enSupervisionReports,
  evaluation: enEvaluation,
  bundleCases: enBundleCases,
  meetings: enMeetings,
  caseFlags: enCaseFlags,
  bundleOnline: enBundleOnline,
};

function initialLocale(): LocaleCode {
  try {
    const saved = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (saved && (LOCALES as readonly string[]).includes(saved)) return saved as LocaleCode;
  } catch {
    // storage blocked (private mode): fall back to the default
  }
  return 'zh-CN';
}

export const i18n = createI18n<[MessageSchema], LocaleCode, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: false,
});

export function currentLocale(): LocaleCode {
  return i18n.global.locale.value;
}

/** Switches the language everywhere and remembers it in localStorage. */
export function setLocale(locale: LocaleCode): void {
  i18n.global.locale.value = locale;
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // not persisted; the switch still applies to this tab
  }
  document.documentElement.lang = locale;
}

export { LOCALES, type LocaleCode };
