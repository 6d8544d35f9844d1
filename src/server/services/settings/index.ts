/** Center settings: the case settings (light thresholds, supplement period), the supervision/evaluation settings, and their admin. */
export { getCaseSettings, getSupervisionSettings, updateCaseSettings, updateSupervisionSettings } from './admin.js';
export {
  CASE_SETTING_DEFAULTS,
  CASE_SETTING_KEYS,
  caseSettingsFor,
  lightThresholdsFor,
  thresholdsCache,
  type CaseSettingValues,
} from './case-settings.js';
