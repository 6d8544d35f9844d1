/** Center settings: the case settings (light thresholds, supplement period) and their admin. */
export { getCaseSettings, updateCaseSettings } from './admin.js';
export {
  CASE_SETTING_DEFAULTS,
  CASE_SETTING_KEYS,
  caseSettingsFor,
  lightThresholdsFor,
  thresholdsCache,
  type CaseSettingValues,
} from './case-settings.js';
