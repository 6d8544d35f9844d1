/**
 * Acceptance (受理) at the window (DESIGN §4), optionally with 容缺 — minor materials owed, with
 * the date the applicant commits to bring them by — and 告知承诺 — materials a signed pledge
 * replaces. Materials are named by the item version's codes; their names come from it.
 *
 * Decisions:
 * - A material is owed or pledged only where the catalogue allows it (`deferrable`,
 *   `pledgeable`); one material is not both owed and pledged.
 * - The due date's rule (from today to the promised deadline) is the domain's (field
 *   `deferred.dueDate`); an empty owed list is the domain's too (`deferred.materials`).
 * - The state's guard is asked first, so an accept the status does not allow is refused naming
 *   the status (409) whatever the materials say.
 * - Bad credit would bar 容缺 (DESIGN §4); there is no credit record yet, so it is not checked.
 *
 * Errors: forbidden (no case:accept, not over the case's center and department, or the role
 * rule), notFound, conflict (409, stale `version`), invalidState (409, naming the status),
 * unprocessable (422, an immediate item), validation (400: `deferred.materials.N`, `pledged.N`
 * — unknown, listed twice, not allowed — and `deferred.dueDate`).
 */
import { AcceptBody as AcceptSchema, type AcceptBody, type CaseView } from '../../../contracts/case.js';
import type { ItemData } from '../../../contracts/catalogue.js';
import { type MaterialRef, guard } from '../../../domain/case/index.js';
import { fieldError, invalid } from '../../../domain/errors.js';
import type { Ctx } from '../context.js';
import { moveCase } from './move.js';

type Allowance = 'deferrable' | 'pledgeable';
const NOT_ALLOWED: Record<Allowance, [string, string]> = {
  deferrable: ['不允许容缺受理', 'may not be owed (容缺)'],
  pledgeable: ['不适用告知承诺', 'may not be replaced by a pledge (告知承诺)'],
};

/** The item's materials for `codes`, each allowed `allowance`; 400 naming `field.N` otherwise. */
export function materialRefs(item: ItemData, codes: readonly string[], field: string, allowance: Allowance): MaterialRef[] {
  const seen = new Set<string>();
  return codes.map((code, i) => {
    const f = `${field}.${i}`;
    const m = item.materials.find((x) => x.code === code);
    if (!m) throw invalid([fieldError(f, `${f}：事项没有编码为 ${code} 的材料`, `${f}: the item has no material ${code}`)]);
    if (seen.has(code)) throw invalid([fieldError(f, `${f}：材料“${m.name}”重复列出`, `${f}: material "${m.name}" is listed twice`)]);
    seen.add(code);
    if (!m[allowance]) {
      const [zh, en] = NOT_ALLOWED[allowance];
      throw invalid([fieldError(f, `${f}：材料“${m.name}”${zh}`, `${f}: material "${m.name}" ${en}`)]);
    }
    return { code: m.code, name: m.name };
  });
}

export function acceptCase(ctx: Ctx, id: string, input: AcceptBody): Promise<CaseView> {
  const body = AcceptSchema.parse(input);
  return moveCase(ctx, id, body.version, 'case:accept', (base, { item }, state) => {
    const refused = guard(state, 'accept');
    if (refused) throw refused;
    const deferred = body.deferred && { materials: materialRefs(item, body.deferred.materials, 'deferred.materials', 'deferrable'), dueDate: body.deferred.dueDate };
    const pledged = materialRefs(item, body.pledged, 'pledged', 'pledgeable');
    const both = pledged.findIndex((p) => deferred?.materials.some((d) => d.code === p.code));
    if (both >= 0) {
      const f = `pledged.${both}`;
      throw invalid([fieldError(f, `${f}：材料“${pledged[both].name}”已列为容缺材料`, `${f}: material "${pledged[both].name}" is already owed (容缺)`)]);
    }
    return { ...base, kind: 'accept', deferred, pledged };
  });
}
