/**
 * Random histories for the property tests: from a submitted case, each step takes one of the
 * moves `availableActions` offers some actor, with a valid payload (fixtures.ts `sample`), on a
 * date 0–3 days after the previous one. Moves that end a case are drawn less often, so walks go
 * deep (review, tasks, pauses, fees, decisions, delivery) instead of stopping at a refusal.
 */
import fc from 'fast-check';
import { addDays, type DateString } from '../../../src/domain/calendar/index.js';
import { availableActions, initialCase, transition, type CaseAction, type CaseActionKind, type CaseItem, type CaseState } from '../../../src/domain/case/index.js';
import { ACTORS, ALL_ACTORS, cal, sample } from './fixtures.js';

const RARE: readonly CaseActionKind[] = ['refuse', 'withdraw', 'terminate', 'supplementExpired', 'askRecheck', 'cancelFee', 'refundFee'];
/** assessing fees again and again would crowd out everything else */
const weight = (k: CaseActionKind) => (RARE.includes(k) ? 1 : k === 'assessFee' ? 2 : 10);

export interface Walk {
  item: CaseItem;
  /** states[i] is the state after actions[0..i) */
  states: CaseState[];
  actions: CaseAction[];
}

export function walk(item: CaseItem, from: DateString, picks: readonly number[]): Walk {
  const states = [initialCase(item)];
  const actions: CaseAction[] = [];
  const step = (action: CaseAction) => {
    const actor = ALL_ACTORS.find((a) => a.id === action.actorId)!;
    const r = transition(states[states.length - 1], action, { cal, actor });
    if (!r.ok) throw new Error(`${action.kind} was offered to ${actor.role} but refused: ${r.error.messageEn}`);
    states.push(r.state);
    actions.push(action);
  };
  step(sample(states[0], 'submit', from, ACTORS.clerk));
  for (const c of picks) {
    const s = states[states.length - 1];
    const options = ALL_ACTORS.flatMap((actor) => availableActions(s, actor).map((kind) => ({ actor, kind })));
    if (options.length === 0) break;
    // draw the kind first (weighted), then one of the actors offered it
    const kinds = [...new Set(options.map((o) => o.kind))];
    let r = c % kinds.reduce((sum, k) => sum + weight(k), 0);
    const kind = kinds.find((k) => (r -= weight(k)) < 0)!;
    const actors = options.filter((o) => o.kind === kind);
    const { actor } = actors[Math.floor(c / 13) % actors.length];
    step(sample(s, kind, addDays(s.lastDate!, Math.floor(c / 97) % 4), actor, Math.floor(c / 7)));
  }
  return { item, states, actions };
}

export const itemArb: fc.Arbitrary<CaseItem> = fc
  .record({
    handlingClass: fc.constantFrom('immediate', 'promised', 'joint', 'reportUp' as const),
    promised: fc.integer({ min: 1, max: 15 }),
    extra: fc.integer({ min: 0, max: 20 }),
    procedures: fc.option(fc.subarray(['expertReview', 'inspection', 'hearing'] as const, { minLength: 1 }), { nil: undefined }),
  })
  .map(({ handlingClass, promised, extra, procedures }) => {
    const promisedLimit = handlingClass === 'immediate' ? 0 : promised;
    return { handlingClass, promisedLimit, statutoryLimit: promisedLimit + extra, ...(procedures ? { specialProcedures: procedures } : {}) };
  });

/** Start dates around the Dragon Boat and National Day holidays of the fixture calendar. */
export const startArb = fc.integer({ min: 0, max: 220 }).map((d) => addDays('2025-05-15', d));

export const walkArb: fc.Arbitrary<Walk> = fc
  .tuple(itemArb, startArb, fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 40, size: 'max' }))
  .map(([i, s, c]) => walk(i, s, c));
