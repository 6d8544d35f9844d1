/**
 * 好差评 (国办发〔2019〕51号, DESIGN §6): five levels; the last two are bad reviews (差评), the first
 * three count as good (好评) in the published 好评率 — the circular's split, where 基本满意 is not
 * a bad review and so is not rectified.
 */
export const LEVELS = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'] as const;
export type Level = (typeof LEVELS)[number];

export const LEVEL_NAMES: Record<Level, readonly [zh: string, en: string]> = {
  verySatisfied: ['非常满意', 'Very satisfied'],
  satisfied: ['满意', 'Satisfied'],
  basicallySatisfied: ['基本满意', 'Basically satisfied'],
  dissatisfied: ['不满意', 'Dissatisfied'],
  veryDissatisfied: ['非常不满意', 'Very dissatisfied'],
};

/** 差评: a rectification follows (DESIGN §6). */
export const isBad = (l: Level): boolean => l === 'dissatisfied' || l === 'veryDissatisfied';
export const isGood = (l: Level): boolean => !isBad(l);

/** 1 (非常不满意) … 5 (非常满意): for averages and charts. */
export const score = (l: Level): number => 5 - LEVELS.indexOf(l);

/** The channels a rating comes through; one rating per occasion and channel. */
export const CHANNELS = ['window', 'online', 'sms', 'default'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Indicator sets (评价指标), versioned: the version a rating was given under is stored with it,
 * so a later set never changes what an old rating meant.
 */
export const INDICATOR_SETS = {
  'online-v1': ['overall', 'efficiency', 'guideAccuracy', 'convenience', 'usability'],
  'window-v1': ['overall', 'serviceEfficiency', 'serviceLevel', 'serviceAttitude'],
} as const satisfies Record<string, readonly string[]>;
export type IndicatorSetId = keyof typeof INDICATOR_SETS;

export const INDICATOR_NAMES: Record<string, readonly [zh: string, en: string]> = {
  overall: ['整体满意度', 'Overall satisfaction'],
  efficiency: ['办事效率', 'Efficiency'],
  guideAccuracy: ['办事指南精确度', 'Accuracy of the guide'],
  convenience: ['办事便捷度', 'Convenience'],
  usability: ['平台操作性', 'Ease of use of the platform'],
  serviceEfficiency: ['服务效率', 'Service efficiency'],
  serviceLevel: ['服务水平', 'Service level'],
  serviceAttitude: ['服务态度', 'Service attitude'],
};

/** The indicator set a channel rates with. */
export const indicatorSetFor = (channel: Channel): IndicatorSetId => (channel === 'window' ? 'window-v1' : 'online-v1');
