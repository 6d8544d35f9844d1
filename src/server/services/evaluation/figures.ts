/**
 * The published figures (DESIGN §6): 好评率, 差评率, 主动评价率, 未评率, 差评整改率, 回访率 for a
 * center (its subtree; every center when none is named) and each of its departments, over the
 * last 30 days (`month`) or 365 days (`year`) up to today. Counted per occasion opened in the
 * period: its rating is the first an applicant gave (any channel), else its default; bad reviews
 * count as valid once verified, rectified once closed; follow-ups by the month sampled.
 */
import type { Figures, FiguresQuery, FiguresView } from '../../../contracts/evaluation.js';
import { FiguresQuery as Query } from '../../../contracts/evaluation.js';
import { addDays } from '../../../domain/calendar/index.js';
import { notFound } from '../../../domain/errors.js';
import { type EvaluationCounts, evaluationFigures, isBad, type Level } from '../../../domain/evaluation/index.js';
import { findCenterById } from '../../repositories/centers.js';
import { followUpsForFigures, occasionsForFigures, ratingsForCases } from '../../repositories/evaluation.js';
import { businessDate } from '../calendar/load.js';
import type { Deps } from '../context.js';

const VALID = ['rectifying', 'returnVisit', 'closed'];
/** The hall rates an immediate case at 'conclusion'; the domain calls its one occasion 'whole'. */
const norm = (o: string) => (o === 'whole' ? 'conclusion' : o);

const empty = (): EvaluationCounts => ({ occasions: 0, active: 0, defaulted: 0, good: 0, bad: 0, validBad: 0, rectified: 0, toVisit: 0, visited: 0 });

export async function publicFigures(deps: Deps, input: FiguresQuery): Promise<FiguresView> {
  const q = Query.parse(input);
  const db = deps.db.kysely;
  const center = q.centerId ? await findCenterById(db, q.centerId) : undefined;
  if (q.centerId && (!center || center.active !== 1)) throw notFound('中心', 'Center');
  const to = businessDate(deps.clock.now(), center?.time_zone ?? 'Asia/Shanghai');
  const from = addDays(to, q.period === 'month' ? -29 : -364);
  const path = center?.path ?? '/';
  const occasions = await occasionsForFigures(db, path, from, to);
  const ratings = await ratingsForCases(db, [...new Set(occasions.map((o) => o.case_id))]);
  const byOccasion = new Map<string, typeof ratings>();
  for (const r of ratings) {
    const k = `${r.case_id}|${norm(r.occasion)}`;
    byOccasion.set(k, [...(byOccasion.get(k) ?? []), r]);
  }
  const total = empty();
  const depts = new Map<string, { name: string; c: EvaluationCounts }>();
  const add = (deptId: string, name: string, f: (c: EvaluationCounts) => void) => {
    f(total);
    const d = depts.get(deptId) ?? { name, c: empty() };
    f(d.c);
    depts.set(deptId, d);
  };
  for (const o of occasions) {
    const rs = byOccasion.get(`${o.case_id}|${norm(o.occasion)}`) ?? [];
    const chosen = rs.find((r) => r.channel !== 'default') ?? rs.find((r) => r.channel === 'default');
    add(o.department_id, o.department_name, (c) => {
      c.occasions++;
      if (!chosen) return;
      if (chosen.channel === 'default') c.defaulted++;
      else c.active++;
      if (isBad(chosen.level as Level)) {
        c.bad++;
        if (chosen.rect_status && VALID.includes(chosen.rect_status)) c.validBad++;
        if (chosen.rect_status === 'closed') c.rectified++;
      } else c.good++;
    });
  }
  const fu = await followUpsForFigures(db, path, from.slice(0, 7), to.slice(0, 7));
  for (const x of fu) {
    const d = depts.get(x.department_id);
    const bump = (c: EvaluationCounts) => {
      c.toVisit++;
      if (x.status === 'visited') c.visited++;
    };
    bump(total);
    if (d) bump(d.c);
  }
  const figures = (c: EvaluationCounts): Figures => ({ ...evaluationFigures(c), occasions: c.occasions });
  return {
    period: q.period,
    from,
    to,
    center: { id: center?.id ?? null, name: center?.name ?? '全部中心', figures: figures(total) },
    departments: [...depts.entries()].map(([id, d]) => ({ id, name: d.name, figures: figures(d.c) })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
}
