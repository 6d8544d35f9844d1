/**
 * zh-CN is the source of every message's shape; each English module is typed against its zh-CN
 * twin, so a missing or misspelt key fails vue-tsc.
 */
export type LocaleModule<T> = { [K in keyof T]: T[K] extends string ? string : LocaleModule<T[K]> };

export type LocaleCode = 'zh-CN' | 'en';
export const LOCALES: readonly LocaleCode[] = ['zh-CN', 'en'];
export const LOCALE_STORAGE_KEY = 'onestop.locale';
