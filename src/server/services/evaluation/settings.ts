/**
 * The evaluation and supervision settings of a center (DESIGN §5–§6), found like the case
 * settings (settings/case-settings.ts): the center's own row, else the nearest ancestor's, else
 * the default. Stored as JSON in `settings`, one row per center and key.
 */
import { LEVELS, type Level } from '../../../domain/evaluation/index.js';
import { listSettings } from '../../repositories/settings.js';
import type { Executor } from '../context.js';
import { centerChain } from '../settings/case-settings.js';

export interface EvaluationSettings {
  /** calendar days an occasion stays open for rating (default 7) */
  ratingPeriodDays: number;
  /** what a lapsed occasion records; null = nothing (未评) */
  defaultLevel: Level | null;
  /** working days to rectify a valid bad review (default 15) */
  rectifyWorkdays: number;
  /** percent of last month's concluded cases sampled for follow-up visits (default 5) */
  followUpPercent: number;
  /** working days a department has to answer a supervision order (default 3) */
  orderResponseWorkdays: number;
}

export const EVALUATION_SETTING_KEYS: Record<keyof EvaluationSettings, string> = {
  ratingPeriodDays: 'evaluation.ratingPeriodDays',
  defaultLevel: 'evaluation.defaultLevel',
  rectifyWorkdays: 'evaluation.rectifyWorkdays',
  followUpPercent: 'supervision.followUpPercent',
  orderResponseWorkdays: 'supervision.orderResponseWorkdays',
};

export const EVALUATION_SETTING_DEFAULTS: EvaluationSettings = { ratingPeriodDays: 7, defaultLevel: 'satisfied', rectifyWorkdays: 15, followUpPercent: 5, orderResponseWorkdays: 3 };

const valid = (name: keyof EvaluationSettings, v: unknown): boolean =>
  name === 'defaultLevel' ? v === null || LEVELS.includes(v as Level) : typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The settings in force at the center with this path. A stored `"none"` default level means no default. */
export async function evaluationSettingsFor(db: Executor, centerPath: string): Promise<EvaluationSettings> {
  const chain = centerChain(centerPath);
  const rows = await listSettings(db, chain, Object.values(EVALUATION_SETTING_KEYS));
  const out = { ...EVALUATION_SETTING_DEFAULTS } as Record<keyof EvaluationSettings, unknown>;
  for (const name of Object.keys(EVALUATION_SETTING_KEYS) as (keyof EvaluationSettings)[]) {
    for (const id of [...chain].reverse()) {
      const row = rows.find((r) => r.scope === id && r.key === EVALUATION_SETTING_KEYS[name]);
      if (!row) continue;
      let v: unknown = JSON.parse(row.value);
      if (v === null) continue; // inherits
      if (name === 'defaultLevel' && v === 'none') v = null;
      if (valid(name, v)) {
        out[name] = v;
        break;
      }
    }
  }
  return out as unknown as EvaluationSettings;
}
