/**
 * A center's case settings (办件设置) and supervision/evaluation settings (监察与评价设置) — src/server/routes/admin/settings.ts, contract
 * contracts/settings.ts. settings:manage; the center is the admin's own unless `centerId` names
 * one below it. PUT replaces the center's own values (null = inherit) under `version` (409 when stale).
 */
import type {
  CaseSettings,
  CaseSettingsBody,
  DefaultLevel,
  LevelSettingView,
  SettingView,
  SupervisionSettings,
  SupervisionSettingsBody,
} from '@shared/contracts/settings';
import { http } from './http';

export type { CaseSettings, CaseSettingsBody, DefaultLevel, LevelSettingView, SettingView, SupervisionSettings, SupervisionSettingsBody };
export type CaseSettingName = 'lightWarningDays' | 'supplementDueWorkdays' | 'deferredReturnWorkdays';
/** the numeric supervision/evaluation settings (`defaultLevel` is a level or `none`) */
export type SupervisionNumberName = 'ratingPeriodDays' | 'rectifyWorkdays' | 'followUpPercent' | 'orderResponseWorkdays';

const S = '/api/v1/admin/settings/case';
const V = '/api/v1/admin/settings/supervision';

export const settingsApi = {
  getCase: (centerId?: string) => http.get<CaseSettings>(S, { centerId }),
  putCase: (body: CaseSettingsBody, centerId?: string) => http.put<CaseSettings>(S, body, { query: { centerId } }),
  getSupervision: (centerId?: string) => http.get<SupervisionSettings>(V, { centerId }),
  putSupervision: (body: SupervisionSettingsBody, centerId?: string) => http.put<SupervisionSettings>(V, body, { query: { centerId } }),
};
