/**
 * Warnings and cards (预警, 黄牌, 红牌; DESIGN §5). The light of a case, task, pre-review, special
 * procedure, consultation, complaint or rectification decides the level; a card has a life:
 * issued → appealed (申诉, by the department, once, with reasons) → upheld or revoked by a
 * supervisor. A yellow card the statutory deadline overtakes escalates to red (notifying everyone
 * the yellow did). A warning is a call to act, not a sanction: it cannot be appealed.
 */
import type { DateString } from '../calendar/index.js';

export type CardLevel = 'warning' | 'yellow' | 'red';
export type CardStatus = 'issued' | 'appealed' | 'upheld' | 'revoked';
export type SupervisedLight = 'green' | 'warning' | 'yellowCard' | 'redCard';

export interface Card {
  level: CardLevel;
  status: CardStatus;
  issuedOn: DateString;
  /** the day a yellow card became red */
  escalatedOn: DateString | null;
  appeal: { reason: string; by: string; on: DateString } | null;
  ruling: { upheld: boolean; reason: string; by: string; on: DateString } | null;
}

export interface CardError {
  code: 'card.illegal' | 'card.invalid';
  zh: string;
  en: string;
}
type Result = { ok: true; card: Card } | { ok: false; error: CardError };

const RANK: Record<CardLevel, number> = { warning: 1, yellow: 2, red: 3 };
const LEVEL_ZH: Record<CardLevel, string> = { warning: '预警', yellow: '黄牌', red: '红牌' };

export function levelForLight(light: SupervisedLight | null): CardLevel | null {
  if (light === 'warning') return 'warning';
  if (light === 'yellowCard') return 'yellow';
  return light === 'redCard' ? 'red' : null;
}

/**
 * What the light calls for, given the subject's current card (the latest, or null): issue a new
 * one, escalate the current one, or nothing. Idempotent: a sweep that runs twice does nothing
 * the second time. A revoked card is not escalated; a worse light issues a card anew.
 */
export function cardMove(current: Card | null, light: SupervisedLight | null): 'issue' | 'escalate' | null {
  const want = levelForLight(light);
  if (want === null) return null;
  if (current === null) return 'issue';
  if (RANK[want] <= RANK[current.level]) return null;
  if (current.status === 'revoked') return 'issue';
  return current.level === 'warning' ? 'issue' : 'escalate';
}

export const issueCard = (level: CardLevel, on: DateString): Card => ({ level, status: 'issued', issuedOn: on, escalatedOn: null, appeal: null, ruling: null });

export function escalateCard(c: Card, on: DateString): Result {
  if (c.level !== 'yellow' || c.status === 'revoked') return illegal(c, '升级为红牌', 'escalate');
  return { ok: true, card: { ...c, level: 'red', escalatedOn: on } };
}

export function appealCard(c: Card, appeal: { reason: string; by: string; on: DateString }): Result {
  if (c.level === 'warning') return { ok: false, error: { code: 'card.illegal', zh: '预警不能申诉', en: 'A warning cannot be appealed' } };
  if (c.status !== 'issued') return illegal(c, '申诉', 'appeal');
  if (!appeal.reason.trim()) return { ok: false, error: { code: 'card.invalid', zh: '请填写申诉理由', en: 'Give the reasons for the appeal' } };
  return { ok: true, card: { ...c, status: 'appealed', appeal } };
}

export function ruleOnAppeal(c: Card, ruling: { upheld: boolean; reason: string; by: string; on: DateString }): Result {
  if (c.status !== 'appealed') return illegal(c, '裁决申诉', 'rule on an appeal');
  if (!ruling.reason.trim()) return { ok: false, error: { code: 'card.invalid', zh: '请填写裁决理由', en: 'Give the reasons for the ruling' } };
  if (ruling.by === c.appeal?.by) return { ok: false, error: { code: 'card.invalid', zh: '申诉人不能裁决自己的申诉', en: 'The appellant cannot rule on the appeal' } };
  return { ok: true, card: { ...c, status: ruling.upheld ? 'upheld' : 'revoked', ruling } };
}

function illegal(c: Card, zh: string, en: string): Result {
  const st = { issued: '已发出', appealed: '申诉中', upheld: '申诉未获支持', revoked: '已撤销' }[c.status];
  return { ok: false, error: { code: 'card.illegal', zh: `${LEVEL_ZH[c.level]}（${st}）不能${zh}`, en: `A ${c.level} card that is ${c.status} cannot ${en}` } };
}

/** A card counts against the department (assessment) unless revoked. */
export const counts = (c: Card): boolean => c.level !== 'warning' && c.status !== 'revoked';
