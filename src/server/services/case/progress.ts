/**
 * Public progress (办件查询): the case number and its query code show where a case stands —
 * the item, the status, the dates and the timeline of steps, never who applied or what anyone
 * wrote. A wrong code is answered exactly like an unknown number (same error, same work: the
 * code is compared in constant time after the lookup either way), and the route is rate-limited,
 * so codes cannot be told apart or guessed quickly.
 */
import { timingSafeEqual } from 'node:crypto';
import type { ProgressQuery, PublicProgress } from '../../../contracts/case-public.js';
import { type CaseAction, caseClock, foldCase, taskClock } from '../../../domain/case/index.js';
import { AppError } from '../../../domain/errors.js';
import { type CaseRow, findCaseByNo, listCaseActions } from '../../repositories/cases.js';
import { readData } from '../catalogue/version-row.js';
import { businessDate, loadCalendar } from '../calendar/load.js';
import type { Deps } from '../context.js';
import { caseItemOf, getItemVersion } from './access.js';
import { caseNotices, type NoticePdf, noticePdf } from './notices.js';
import { toAction } from './store.js';

const unknown = () => new AppError('notFound', '未找到该办件：请核对办件编号和查询码', 'No case found: check the case number and query code');

/** The case the number and code open, or the one 404 for both mistakes. */
async function openCase(deps: Deps, q: ProgressQuery): Promise<CaseRow> {
  const row = await findCaseByNo(deps.db.kysely, q.caseNo.trim());
  const given = Buffer.from(q.code.trim().toUpperCase().padEnd(16).slice(0, 16));
  const real = Buffer.from((row?.verification_code ?? '').padEnd(16).slice(0, 16));
  if (given.length !== real.length || !timingSafeEqual(given, real) || !row) throw unknown();
  return row;
}

/** What a step may show publicly: a task's name, a special procedure's kind; nothing else. */
function detail(a: CaseAction): string | null {
  if (a.kind === 'openTask') return a.name;
  if (a.kind === 'suspend') return a.procedure;
  return null;
}

export async function publicProgress(deps: Deps, q: ProgressQuery): Promise<PublicProgress> {
  const row = await openCase(deps, q);
  const db = deps.db.kysely;
  const v = await getItemVersion(db, row.item_version_id);
  const data = readData(v);
  const cal = await loadCalendar(db, row.center_path);
  const actions = (await listCaseActions(db, row.id)).map(toAction);
  const s = foldCase(caseItemOf(v), actions, cal);
  const date = businessDate(deps.clock.now(), row.time_zone);
  const dept = await db.selectFrom('departments').select('name').where('id', '=', row.department_id).executeTakeFirst();
  return {
    caseNo: row.case_no,
    centerName: row.center_name,
    departmentName: dept?.name ?? '',
    item: { code: data.code, name: data.name },
    status: s.status,
    outcome: s.outcome,
    intakeDate: row.intake_date,
    acceptedOn: s.acceptedOn,
    concludedOn: s.concludedOn,
    deadlines: s.deadlines,
    light: caseClock(s, cal, date).light,
    currentSteps: s.tasks.filter((t) => t.status === 'open').map((t) => ({ name: t.name, deadline: taskClock(s, t, cal, date).deadline })),
    steps: actions.map((a) => ({ kind: a.kind, date: a.date, detail: detail(a) })),
    notices: (await caseNotices(db, row.id)).map(({ id, kind, noticeNo, issuedOn }) => ({ id, kind, noticeNo, issuedOn })),
  };
}

/** A notice of the case, for the applicant holding its number and code. */
export async function publicNoticePdf(deps: Deps, q: ProgressQuery, noticeId: string): Promise<NoticePdf> {
  return noticePdf(deps, await openCase(deps, q), noticeId);
}
