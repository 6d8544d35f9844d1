/**
 * The derived fields of a state, recomputed from the rest after every action: they are stored
 * for querying, so they must be a function of the other fields and the calendar alone.
 */
import { deadlineWithPauses, type WorkCalendar } from '../calendar/index.js';
import type { CaseState } from './state.js';

export function derive(s: CaseState, cal: WorkCalendar): CaseState {
  const openTaskIds = s.tasks.filter((t) => t.status === 'open').map((t) => t.id);
  const owedFen = s.fees.filter((f) => f.status === 'assessed').reduce((sum, f) => sum + f.amountFen, 0);
  let deadlines: CaseState['deadlines'] = null;
  // the clock starts at acceptance: a case still waiting for materials has no deadline
  if (s.acceptedOn !== null) {
    const asOf = s.lastDate ?? s.acceptedOn;
    deadlines = {
      promised: deadlineWithPauses(cal, s.acceptedOn, s.item.promisedLimit, s.pauses, asOf),
      statutory: deadlineWithPauses(cal, s.acceptedOn, s.item.statutoryLimit, s.pauses, asOf),
    };
  }
  return { ...s, openTaskIds, owedFen, deadlines };
}
