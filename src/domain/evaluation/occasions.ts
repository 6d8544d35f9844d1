/**
 * Service occasions (评价时机, DESIGN §6): when a case may be rated. An immediate case once; a
 * promised (or joint, report-up) case at acceptance and at conclusion; a bundle per stage and
 * overall. An occasion opens with the event it follows and closes `periodDays` calendar days
 * later, when an unrated occasion takes the center's default (or stays unrated).
 */
import { addDays, type DateString } from '../calendar/index.js';
import type { Level } from './levels.js';

export type HandlingClass = 'immediate' | 'promised' | 'joint' | 'reportUp';

export type Occasion = 'whole' | 'acceptance' | 'conclusion' | `stage:${number}` | 'overall';

/** The occasions a case of `handlingClass` has (a bundle: `stages` stages, then overall). */
export function occasionsFor(handlingClass: HandlingClass, bundle?: { stages: number }): Occasion[] {
  if (bundle) return [...Array.from({ length: bundle.stages }, (_, i): Occasion => `stage:${i + 1}`), 'overall'];
  return handlingClass === 'immediate' ? ['whole'] : ['acceptance', 'conclusion'];
}

/** What a case has reached, for the occasions it opens. */
export interface CaseMilestones {
  acceptedOn: DateString | null;
  concludedOn: DateString | null;
  /** a bundle: the conclusion date of each stage, in order (null while open) */
  stagesConcludedOn?: readonly (DateString | null)[];
}

/** The day an occasion opened, or null while it has not. */
export function openedOn(o: Occasion, m: CaseMilestones): DateString | null {
  if (o === 'whole' || o === 'conclusion' || o === 'overall') return m.concludedOn;
  if (o === 'acceptance') return m.acceptedOn;
  const n = Number(o.slice('stage:'.length));
  return m.stagesConcludedOn?.[n - 1] ?? null;
}

export type OccasionState = 'notYet' | 'open' | 'rated' | 'lapsed';

/** Where an occasion stands on `today`: not yet, open for rating, rated, or lapsed unrated. */
export function occasionState(o: Occasion, m: CaseMilestones, rated: boolean, today: DateString, periodDays: number): OccasionState {
  if (rated) return 'rated';
  const from = openedOn(o, m);
  if (from === null || today < from) return 'notYet';
  return today <= addDays(from, periodDays) ? 'open' : 'lapsed';
}

/** May a rating for `o` be taken today? (one per occasion and channel: the caller checks that) */
export const mayRate = (o: Occasion, m: CaseMilestones, today: DateString, periodDays: number): boolean =>
  occasionState(o, m, false, today, periodDays) === 'open';

/** What a lapsed occasion records: the center's default level, or nothing (未评). */
export const lapsedRating = (defaultLevel: Level | null): Level | null => defaultLevel;
