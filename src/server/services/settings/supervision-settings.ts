/**
 * The supervision and evaluation settings of a center (DESIGN §5–§6) as an admin group: the keys
 * and defaults are the readers' (evaluation/settings.ts), the allowed values are set here.
 * `defaultLevel` is a rating level, or `none` (a lapsed occasion records nothing, 未评).
 */
import { fieldError } from '../../../domain/errors.js';
import { LEVELS, type Level } from '../../../domain/evaluation/index.js';
import { EVALUATION_SETTING_DEFAULTS, EVALUATION_SETTING_KEYS } from '../evaluation/settings.js';
import { type SettingRule, type SettingsGroup, wholeNumberRule } from './group.js';

export const SUPERVISION_SETTINGS = ['ratingPeriodDays', 'defaultLevel', 'rectifyWorkdays', 'followUpPercent', 'orderResponseWorkdays'] as const;
export type SupervisionSettingName = (typeof SUPERVISION_SETTINGS)[number];

export const DEFAULT_LEVELS = [...LEVELS, 'none'] as const;
export type DefaultLevel = Level | 'none';

/** Allowed values of the numeric settings and how each is named to the admin. */
export const SUPERVISION_SETTING_RULES = {
  ratingPeriodDays: { min: 1, max: 30, zh: '评价期限', en: 'The rating period', unitZh: '自然日', unitEn: 'calendar days' },
  rectifyWorkdays: { min: 1, max: 60, zh: '差评整改期限', en: 'The rectification period', unitZh: '工作日', unitEn: 'working days' },
  followUpPercent: { min: 0, max: 100, zh: '回访抽样比例', en: 'The follow-up sample', unitZh: '百分比', unitEn: 'percent' },
  orderResponseWorkdays: { min: 1, max: 30, zh: '督办回复期限', en: 'The supervision order response period', unitZh: '工作日', unitEn: 'working days' },
} as const;

const defaultLevelRule: SettingRule<DefaultLevel> = {
  key: EVALUATION_SETTING_KEYS.defaultLevel,
  default: EVALUATION_SETTING_DEFAULTS.defaultLevel ?? 'none',
  readable: (v): v is DefaultLevel => typeof v === 'string' && (DEFAULT_LEVELS as readonly string[]).includes(v),
  check: (name, v) =>
    typeof v === 'string' && (DEFAULT_LEVELS as readonly string[]).includes(v)
      ? null
      : fieldError(name, `${name}：默认评价应为 ${DEFAULT_LEVELS.join('、')} 之一`, `${name}: The default rating must be one of ${DEFAULT_LEVELS.join(', ')}`),
};

const num = (name: Exclude<SupervisionSettingName, 'defaultLevel'>) =>
  wholeNumberRule(EVALUATION_SETTING_KEYS[name], EVALUATION_SETTING_DEFAULTS[name], SUPERVISION_SETTING_RULES[name]);

export const SUPERVISION_SETTINGS_GROUP: SettingsGroup<SupervisionSettingName> = {
  names: SUPERVISION_SETTINGS,
  rules: {
    ratingPeriodDays: num('ratingPeriodDays'),
    defaultLevel: defaultLevelRule,
    rectifyWorkdays: num('rectifyWorkdays'),
    followUpPercent: num('followUpPercent'),
    orderResponseWorkdays: num('orderResponseWorkdays'),
  },
  action: 'updateSupervisionSettings',
  label: { zh: '本中心的监察与评价设置', en: "This center's supervision and evaluation settings" },
};
