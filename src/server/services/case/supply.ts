/**
 * Materials handed in at the window (DESIGN §4), recorded by the clerk (the applicant's own
 * upload comes with the online hall): the answer to the open supplement notice — the case goes
 * back to the window to be accepted, or, asked during review, its clock runs again — and/or
 * 容缺 materials owed since acceptance (all of them in: a case suspended for them resumes).
 *
 * Decisions:
 * - A supplement notice lists every material at once (一次性告知), so it is answered at once:
 *   every material it lists must be among those handed in (400 naming `materials` and the ones
 *   still missing). Owed 容缺 materials may come one at a time.
 * - Only materials awaited are recorded: the item's codes (400 `materials.N` otherwise), on the
 *   notice or still owed, each once.
 * - The state's guard is asked first: with nothing awaited the move is refused naming the status.
 *
 * Errors: forbidden (no case:intake — the clerk records the applicant's moves —, not over the
 * case's center and department), notFound, conflict (409, stale `version`), invalidState (409,
 * naming the status: nothing awaited), validation (400: `materials`, `materials.N`).
 */
import type { CaseView } from '../../../contracts/case.js';
import { SupplyBody as SupplySchema, type SupplyBody } from '../../../contracts/case-more.js';
import { guard, owedMaterials } from '../../../domain/case/index.js';
import { fieldError, invalid } from '../../../domain/errors.js';
import type { Ctx } from '../context.js';
import { moveCase } from './move.js';

export function supplyMaterials(ctx: Ctx, id: string, input: SupplyBody): Promise<CaseView> {
  const body = SupplySchema.parse(input);
  return moveCase(ctx, id, body.version, 'case:intake', (base, { item }, state) => {
    const refused = guard(state, 'supply');
    if (refused) throw refused;
    const notice = state.status === 'supplementRequired' ? (state.supplement?.materials ?? []) : [];
    const awaited = new Set([...notice.map((m) => m.code), ...owedMaterials(state)]);
    const seen = new Set<string>();
    body.materials.forEach((code, i) => {
      const f = `materials.${i}`;
      const m = item.materials.find((x) => x.code === code);
      if (!m) throw invalid([fieldError(f, `${f}：事项没有编码为 ${code} 的材料`, `${f}: the item has no material ${code}`)]);
      if (seen.has(code)) throw invalid([fieldError(f, `${f}：材料“${m.name}”重复列出`, `${f}: material "${m.name}" is listed twice`)]);
      seen.add(code);
      if (!awaited.has(code)) throw invalid([fieldError(f, `${f}：材料“${m.name}”不在待补交之列`, `${f}: material "${m.name}" is not awaited`)]);
    });
    const missing = notice.filter((m) => !seen.has(m.code));
    if (missing.length > 0) {
      const names = missing.map((m) => m.name);
      throw invalid([fieldError('materials', `materials：补正通知所列材料尚未交齐（${names.join('、')}）`, `materials: still missing from the supplement notice (${names.join(', ')})`)]);
    }
    return { ...base, kind: 'supply', materials: body.materials };
  });
}
