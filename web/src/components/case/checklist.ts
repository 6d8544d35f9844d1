/**
 * The window's materials checklist: each material of the item ticked received, missing, wrong or
 * incomplete (with a note). Every required material received → the case may be accepted; the
 * lines not received make the one supplement notice (一次性告知).
 */
import type { CaseView } from '@/api/cases';

export type Problem = 'missing' | 'wrong' | 'incomplete';
export type Check = 'received' | Problem | '';

export interface CheckLine {
  code: string;
  name: string;
  required: boolean;
  check: Check;
  note: string;
}

export interface SupplementLine {
  code: string;
  problem: Problem;
  note: string;
}

export const PROBLEMS: readonly Problem[] = ['missing', 'wrong', 'incomplete'];

export function newChecklist(view: CaseView): CheckLine[] {
  return view.item.materials.map((m) => ({ code: m.code, name: m.name, required: m.required, check: '', note: '' }));
}

/** Every required material ticked received. */
export const acceptReady = (lines: readonly CheckLine[]): boolean => lines.every((l) => !l.required || l.check === 'received');

/** The lines to ask for: marked with a problem, or required and not ticked (= missing). */
export function supplementLines(lines: readonly CheckLine[]): SupplementLine[] {
  return lines
    .filter((l) => l.check !== 'received' && (l.required || l.check !== ''))
    .map((l) => ({ code: l.code, problem: l.check === '' || l.check === 'received' ? 'missing' : l.check, note: l.note.trim() }));
}
