/**
 * A center's case settings (办件设置) — src/server/routes/admin/settings.ts, contract
 * contracts/settings.ts. settings:manage; the center is the admin's own unless `centerId` names
 * one below it. PUT replaces the center's own values (null = inherit) under `version` (409 when stale).
 */
import type { CaseSettings, CaseSettingsBody, SettingView } from '@shared/contracts/settings';
import { http } from './http';

export type { CaseSettings, CaseSettingsBody, SettingView };
export type CaseSettingName = 'lightWarningDays' | 'supplementDueWorkdays';

const S = '/api/v1/admin/settings/case';

export const settingsApi = {
  getCase: (centerId?: string) => http.get<CaseSettings>(S, { centerId }),
  putCase: (body: CaseSettingsBody, centerId?: string) => http.put<CaseSettings>(S, body, { query: { centerId } }),
};
