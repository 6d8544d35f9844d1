/**
 * Opening a child case of a bundle run, in the caller's transaction (the run's start, or the move
 * that closed the previous stage): an ordinary case — its own number from the center's counter,
 * verification code, notices, messages, timers and clock — taken in at the window, accepted at
 * once and routed to its department's review (its first task steps opened), all as the clerk who
 * accepted the run. An immediate item (即办件) is only taken in: the window concludes it on the
 * spot as usual, and the run follows.
 *
 * The actions go through the domain's `transition` and the store's writers like any move, so the
 * action rows, audit rows and effects (effects.ts) are the same as a case taken in by hand.
 */
import type { Transaction } from 'kysely';
import { randomBytes, randomUUID } from 'node:crypto';
import { type ActionBase, type CaseAction, type CaseActor, type CaseState, formatCaseNo, initialCase, transition, verificationCode } from '../../../domain/case/index.js';
import type { BundleRunsTable, Database, ItemVersionsTable, ItemsTable } from '../../db/schema.js';
import { insertRunCase } from '../../repositories/bundle-runs.js';
import { allocateCaseSeq, insertCase } from '../../repositories/cases.js';
import { findCenterById } from '../../repositories/centers.js';
import { findItem } from '../../repositories/items.js';
import { recordAction } from '../audit/record.js';
import { loadCalendar } from '../calendar/load.js';
import { readData } from '../catalogue/version-row.js';
import { caseItemOf, getItemVersion, today } from '../case/access.js';
import { writeEffects } from '../case/effects.js';
import { firstStage } from '../case/stages.js';
import { actionRow, appendCaseAction, type MoveStep, projection, writeMoves } from '../case/store.js';
import type { Ctx, Executor } from '../context.js';
import { lightThresholdsFor } from '../settings/index.js';

export interface ChildItem {
  item: ItemsTable & { center_path: string };
  version: ItemVersionsTable;
}

/** The item and its published version, or null when it is gone, unpublished or suspended (no case can be taken in). */
export async function childItem(db: Executor, itemId: string): Promise<ChildItem | null> {
  const item = await findItem(db, itemId);
  if (!item?.published_version_id) return null;
  const version = await getItemVersion(db, item.published_version_id);
  return version.status === 'published' ? { item, version } : null;
}

export type RunFacts = Pick<BundleRunsTable, 'id' | 'applicant_kind' | 'applicant_name' | 'applicant_id_number' | 'applicant_uscc' | 'applicant_phone' | 'applicant_user_id' | 'created_by' | 'created_role'>;

/** Opens the child case of `it` for stage `stage` (0-based), place `position`; its id. */
export async function openChildCase(trx: Transaction<Database>, ctx: Ctx, run: RunFacts, it: ChildItem, stage: number, position: number): Promise<string> {
  const { item, version: v } = it;
  const actor: CaseActor = { id: run.created_by, role: run.created_role as CaseActor['role'] };
  const center = (await findCenterById(trx, item.center_id))!;
  const now = today(ctx, center.time_zone);
  const cal = await loadCalendar(trx, center.path);
  const thresholds = await lightThresholdsFor(trx, center.path);
  const base: ActionBase = { at: now.at, date: now.date, actorId: actor.id, role: actor.role };
  const submit: CaseAction = { ...base, kind: 'submit', channel: 'window' };
  const s0 = initialCase(caseItemOf(v));
  const r = transition(s0, submit, { cal, actor });
  if (!r.ok) throw r.error;

  const seq = await allocateCaseSeq(trx, center.id, now.date);
  const caseNo = formatCaseNo({ areaCode: center.area_code, date: now.date, seq });
  const caseId = randomUUID();
  const row = {
    id: caseId,
    center_id: center.id,
    case_no: caseNo,
    verification_code: verificationCode(randomBytes(16)),
    external_no: null,
    item_id: item.id,
    item_version_id: v.id,
    department_id: v.department_id,
    applicant_kind: run.applicant_kind,
    applicant_name: run.applicant_name,
    applicant_id_number: run.applicant_id_number,
    applicant_uscc: run.applicant_uscc,
    applicant_phone: run.applicant_phone,
    // an online applicant sees the child cases among their own, with their notices and messages
    applicant_user_id: run.applicant_user_id,
    co_departments: '',
    bundle_run_id: run.id,
    intake_date: now.date,
    created_by: actor.id,
    version: r.state.version,
    created_at: now.at,
    ...projection(r.state, cal, now.date, now.at, thresholds),
  };
  await insertCase(trx, row);
  await insertRunCase(trx, { case_id: caseId, run_id: run.id, stage, position, item_id: item.id });
  await appendCaseAction(trx, caseNo, actionRow(caseId, r.state.version, submit));
  await recordAction(trx, ctx, {
    entity: 'case',
    entityId: caseId,
    action: 'submit',
    payload: { caseNo, seq: r.state.version, channel: 'window', itemVersionId: v.id, applicantKind: run.applicant_kind, bundleRunId: run.id },
  });
  await writeEffects(trx, ctx, { id: caseId, caseNo }, s0, r.state, submit);
  if (v.handling_class === 'immediate') return caseId;

  // accepted at once and routed to the department: accept, start review, the first task steps
  const data = readData(v);
  const steps: MoveStep[] = [];
  let current: CaseState = r.state;
  const push = (a: CaseAction) => {
    const n = transition(current, a, { cal, actor });
    if (!n.ok) throw n.error;
    steps.push({ prev: current, next: n.state, action: a });
    current = n.state;
  };
  push({ ...base, kind: 'accept', deferred: null, pledged: [] });
  push({ ...base, kind: 'startReview' });
  for (const a of firstStage(current, base, data)) push(a);
  await writeMoves(trx, ctx, { id: caseId, caseNo, version: r.state.version }, steps, cal, thresholds, {
    notices: [],
    facts: { ...row, center_name: center.name, item_name: v.name },
    timers: { timeZone: center.time_zone, centerPath: center.path, cal, thresholds },
  });
  return caseId;
}
