/**
 * The window's moves on a submitted case (DESIGN §4): accept (受理, accept.ts), one supplement notice
 * listing every missing or wrong material (一次性告知), refuse (不予受理: reason, legal basis,
 * where to go), and an immediate item concluded on the spot (即收即办). Each is one transaction
 * through `moveCase`; the domain decides whether the move is open and its content complete.
 *
 * Errors (all): forbidden (no case:accept, or not over the case's center and department, or the
 * domain's role rule), notFound, conflict (409, the case moved on since `version`; names the
 * case number), invalidState (409, the move is not open in the current status, which the
 * message names), unprocessable (422, immediate vs. not immediate), validation (400, the field).
 */
import type { CaseView, ConcludeImmediatelyBody, RefuseBody, SupplementBody } from '../../../contracts/case.js';
import { ConcludeImmediatelyBody as ConcludeSchema, RefuseBody as RefuseSchema, SupplementBody as SupplementSchema } from '../../../contracts/case.js';
import { DEFAULT_RIGHTS_STATEMENT, type SupplementLine } from '../../../domain/case/index.js';
import { addWorkdays } from '../../../domain/calendar/index.js';
import { fieldError, invalid } from '../../../domain/errors.js';
import { findCase } from '../../repositories/cases.js';
import type { Ctx } from '../context.js';
import { CASE_SETTING_DEFAULTS, caseSettingsFor } from '../settings/index.js';
import { requireCasePermission } from './access.js';
import { moveCase } from './move.js';

/**
 * By default an unanswered pre-acceptance supplement request expires this many working days
 * after it; a center changes it with the setting `case.supplementDueWorkdays`.
 */
export const SUPPLEMENT_DUE_WORKDAYS = CASE_SETTING_DEFAULTS.supplementDueWorkdays;

export async function requestSupplement(ctx: Ctx, id: string, input: SupplementBody): Promise<CaseView> {
  const body = SupplementSchema.parse(input);
  requireCasePermission(ctx, 'case:accept'); // 403 before the case is looked up
  // the center's period (its own setting, or the nearest ancestor's); moveCase answers an unknown case
  const row = await findCase(ctx.deps.db.kysely, id);
  const period = row ? (await caseSettingsFor(ctx.deps.db.kysely, row.center_path)).supplementDueWorkdays : SUPPLEMENT_DUE_WORKDAYS;
  return moveCase(ctx, id, body.version, 'case:accept', (base, { item, cal }) => {
    const lines: SupplementLine[] = body.materials.map((m, i) => {
      const known = item.materials.find((x) => x.code === m.code);
      if (!known) throw invalid([fieldError(`materials.${i}.code`, `materials.${i}.code：事项没有编码为 ${m.code} 的材料`, `materials.${i}.code: the item has no material ${m.code}`)]);
      return { code: known.code, name: known.name, problem: m.problem, note: m.note };
    });
    const dueDate = body.dueDate === undefined ? addWorkdays(cal, base.date, period) : body.dueDate;
    return { ...base, kind: 'requestSupplement', materials: lines, dueDate };
  });
}

export function refuseCase(ctx: Ctx, id: string, input: RefuseBody): Promise<CaseView> {
  const body = RefuseSchema.parse(input);
  return moveCase(ctx, id, body.version, 'case:accept', (base) => ({
    ...base,
    kind: 'refuse',
    reason: body.reason,
    legalBasis: body.legalBasis,
    redirectTo: body.redirectTo || null,
  }));
}

export function concludeImmediately(ctx: Ctx, id: string, input: ConcludeImmediatelyBody): Promise<CaseView> {
  const body = ConcludeSchema.parse(input);
  const d = body.decision;
  const decision =
    d.outcome === 'approved'
      ? { outcome: 'approved' as const, note: d.note }
      : { outcome: 'denied' as const, reasons: d.reasons, legalBasis: d.legalBasis, rightsStatement: d.rightsStatement || DEFAULT_RIGHTS_STATEMENT };
  return moveCase(ctx, id, body.version, 'case:accept', (base) => ({ ...base, kind: 'concludeImmediately', decision }));
}
