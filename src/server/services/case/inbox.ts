/**
 * The department's task inbox (DESIGN §4 "Work items"; the review screen of issue 3): the open
 * tasks assigned to the departments where the signed-in person reviews, worst light first, then
 * the nearest deadline. Each task's clock is worked out for today from its center's calendar by
 * the domain's `taskClock` — never read from the last write, so a task that ran past its limit
 * overnight shows its yellow card at once.
 *
 * Decisions:
 * - A case is folded from its action list (the truth) rather than a task table: the inbox needs
 *   the task clocks, which depend on the case's pauses anyway. The cases considered are the
 *   running ones in the actor's scope; a task table would be the step up if inboxes grow large.
 * - Every open task of the department is listed, with `workable` saying whether this person may
 *   complete or return it (a leader sees the reviewers' tasks; a task named to one person is
 *   workable by that person only).
 */
import { type TaskInbox, type TaskInboxItem, TaskInboxQuery } from '../../../contracts/case-review.js';
import { LIGHTS, canWorkTask, foldCase, openTasks, taskClock } from '../../../domain/case/index.js';
import type { WorkCalendar } from '../../../domain/calendar/index.js';
import { scopesFor } from '../../../domain/permissions.js';
import type { ItemVersionsTable } from '../../db/schema.js';
import { listCaseActions, listCaseRowsInStatus } from '../../repositories/cases.js';
import { businessDate, loadCalendar } from '../calendar/load.js';
import type { Ctx } from '../context.js';
import { thresholdsCache } from '../settings/index.js';
import { caseItemOf, getItemVersion, requireCasePermission } from './access.js';
import { toAction } from './store.js';

/** Statuses in which a case can have an open task. */
const WITH_TASKS = ['accepted', 'inReview', 'suspended', 'supplementRequired'] as const;
/** LIGHTS runs green → red card: a higher index is worse, and worse comes first. */
const severity = (light: TaskInboxItem['light']) => LIGHTS.indexOf(light);

/** Errors: forbidden (no case:review anywhere). */
export async function listTaskInbox(ctx: Ctx, input: TaskInboxQuery): Promise<TaskInbox> {
  const actor = requireCasePermission(ctx, 'case:review');
  const q = TaskInboxQuery.parse(input);
  const db = ctx.deps.db.kysely;
  const grants = scopesFor(actor, 'case:review').filter((g) => g.centerPath !== null);
  const rows = await listCaseRowsInStatus(
    db,
    ctx.deps.db.dialect,
    grants.map((g) => ({ centerPath: g.centerPath!, departmentId: g.departmentId })),
    WITH_TASKS,
  );
  const now = ctx.deps.clock.now();
  const calendars = new Map<string, WorkCalendar>();
  const versions = new Map<string, ItemVersionsTable>();
  const thresholds = thresholdsCache(db);
  const items: TaskInboxItem[] = [];
  for (const r of rows) {
    let cal = calendars.get(r.center_path);
    if (!cal) calendars.set(r.center_path, (cal = await loadCalendar(db, r.center_path)));
    let v = versions.get(r.item_version_id);
    if (!v) versions.set(r.item_version_id, (v = await getItemVersion(db, r.item_version_id)));
    const s = foldCase(caseItemOf(v), (await listCaseActions(db, r.id)).map(toAction), cal);
    const today = businessDate(now, r.time_zone);
    for (const task of openTasks(s)) {
      // the task's department is one the actor reviews in (a center-wide grant covers them all)
      const mine = grants.filter((g) => g.departmentId === null || g.departmentId === task.assignee.departmentId);
      if (mine.length === 0) continue;
      const tc = taskClock(s, task, cal, today, await thresholds(r.center_path));
      items.push({
        caseId: r.id,
        caseNo: r.case_no,
        caseVersion: r.version,
        caseStatus: s.status,
        itemName: r.item_name,
        applicantName: r.applicant_name,
        taskId: task.id,
        taskName: task.name,
        assignee: task.assignee,
        limitDays: task.limitDays,
        openedOn: task.openedOn,
        round: task.round,
        deadline: tc.deadline,
        remaining: tc.remaining,
        paused: tc.paused,
        light: tc.light,
        greenChannel: s.greenChannel !== null,
        workable: mine.some((g) => canWorkTask(task, { id: actor.userId, role: g.role, departmentId: g.departmentId })),
      });
    }
  }
  // 绿色通道 first, then the worst light, the nearest deadline
  items.sort((a, b) => Number(b.greenChannel) - Number(a.greenChannel) || severity(b.light) - severity(a.light) || a.deadline.localeCompare(b.deadline) || a.caseNo.localeCompare(b.caseNo) || a.taskId.localeCompare(b.taskId));
  const start = (q.page - 1) * q.pageSize;
  return { items: items.slice(start, start + q.pageSize), total: items.length };
}
