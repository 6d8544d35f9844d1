/**
 * The window's materials checklist: each material of the item ticked received, missing, wrong or
 * incomplete (with a note) — or, where the catalogue allows it, 容缺 (owed, brought later by a
 * promised date) or 告知承诺 (replaced by a signed pledge). Every required material received,
 * owed or pledged → the case may be accepted; the lines with a problem (and required lines not
 * ticked) make the one supplement notice (一次性告知).
 */
import type { AcceptTerms, CaseView } from '@/api/cases';

export type Problem = 'missing' | 'wrong' | 'incomplete';
/** accepted without the paper now: owed (容缺) or replaced by a pledge (告知承诺) */
export type Relief = 'deferred' | 'pledged';
export type Check = 'received' | Relief | Problem | '';

/** What the catalogue allows of a material (the item version the case was taken in under). */
export interface Allowance {
  deferrable: boolean;
  pledgeable: boolean;
}

export interface CheckLine extends Allowance {
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
const OK: ReadonlySet<Check> = new Set<Check>(['received', 'deferred', 'pledged']);

export function newChecklist(view: CaseView): CheckLine[] {
  return view.item.materials.map((m) => ({ code: m.code, name: m.name, required: m.required, deferrable: false, pledgeable: false, check: '', note: '' }));
}

/** Marks what each line allows once the catalogue has answered (a tick no longer allowed is cleared). */
export function applyAllowances(lines: CheckLine[], allowed: ReadonlyMap<string, Allowance>): void {
  for (const l of lines) {
    const a = allowed.get(l.code);
    l.deferrable = !!a?.deferrable;
    l.pledgeable = !!a?.pledgeable;
    if ((l.check === 'deferred' && !l.deferrable) || (l.check === 'pledged' && !l.pledgeable)) l.check = '';
  }
}

/** Every required material received, owed or pledged. */
export const acceptReady = (lines: readonly CheckLine[]): boolean => lines.every((l) => !l.required || OK.has(l.check));

/** The lines to ask for: marked with a problem, or required and not ticked (= missing). */
export function supplementLines(lines: readonly CheckLine[]): SupplementLine[] {
  return lines
    .filter((l) => !OK.has(l.check) && (l.required || l.check !== ''))
    .map((l) => ({ code: l.code, problem: l.check === '' || OK.has(l.check) ? 'missing' : (l.check as Problem), note: l.note.trim() }));
}

export const owedLines = (lines: readonly CheckLine[]): CheckLine[] => lines.filter((l) => l.check === 'deferred');
export const pledgedLines = (lines: readonly CheckLine[]): CheckLine[] => lines.filter((l) => l.check === 'pledged');

/** The accept body's 容缺 / 告知承诺 part. */
export function acceptTerms(lines: readonly CheckLine[], dueDate: string): AcceptTerms {
  const owed = owedLines(lines).map((l) => l.code);
  return { deferred: owed.length ? { materials: owed, dueDate } : null, pledged: pledgedLines(lines).map((l) => l.code) };
}
