/**
 * A case's state from its action list (DESIGN §4 invariant 1: what is stored equals what the
 * list folds to). The list is the truth, written only through `transition`, so folding applies
 * every action without re-checking it; derived fields are computed once at the end.
 */
import type { WorkCalendar } from '../calendar/index.js';
import { applyAction } from './apply.js';
import { derive } from './derive.js';
import { initialCase, type CaseItem, type CaseState } from './state.js';
import type { CaseAction } from './types.js';

export function foldCase(item: CaseItem, actions: readonly CaseAction[], cal: WorkCalendar): CaseState {
  return derive(actions.reduce(applyAction, initialCase(item)), cal);
}
