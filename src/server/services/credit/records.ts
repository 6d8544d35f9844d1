/**
 * Applicants' credit records (信用记录, DESIGN §4 容缺受理): a bad-credit record against a person
 * (ID number) or an enterprise (unified social credit code). A supervisor enters one by hand or
 * lifts it with a reason; the system writes one when a case is terminated for a false pledge
 * (告知承诺, see effects.ts). While any active record names an applicant, no window offers them
 * 容缺受理 — in any center: a bar recorded anywhere is a bar.
 *
 * Who: reading is supervision:read over the record's center subtree (center-wide grants: a
 * record names no department); entering and lifting are supervision:manage there. The subject's
 * number is masked in lists unless the reader looked it up by that number.
 *
 * Errors: forbidden, notFound, conflict (409, stale `version` or already lifted), validation
 * (400: `subjectNo` failing its checksum, `centerId` unknown).
 */
import { randomUUID } from 'node:crypto';
import type { CreateCreditBody, CreditQuery, CreditRecordList, CreditRecordView, LiftCreditBody } from '../../../contracts/case-flags.js';
import { CreateCreditBody as CreateSchema, CreditQuery as QuerySchema, LiftCreditBody as LiftSchema } from '../../../contracts/case-flags.js';
import { conflict, fieldError, invalid, notFound } from '../../../domain/errors.js';
import { checkIdNumber, checkUscc, maskIdNumber } from '../../../domain/identity/index.js';
import { type CreditRow, findCreditRecord, hasActiveCreditRecord, insertCreditRecord, liftCreditRecord, listCreditRecords } from '../../repositories/case-flags.js';
import { findCenterById } from '../../repositories/centers.js';
import { recordAction } from '../audit/record.js';
import { today } from '../case/access.js';
import { type Ctx, inTx } from '../context.js';
import { readScope, requireOver, requirePermission } from '../supervision/scope.js';

const view = (r: CreditRow, full: boolean): CreditRecordView => ({
  id: r.id,
  centerId: r.center_id,
  subjectKind: r.subject_kind as CreditRecordView['subjectKind'],
  subjectNo: full ? r.subject_no : maskIdNumber(r.subject_no),
  subjectName: r.subject_name,
  source: r.source as CreditRecordView['source'],
  reason: r.reason,
  caseId: r.case_id,
  caseNo: r.case_no,
  recordedAt: r.recorded_at,
  recordedByName: r.recorded_by_name,
  active: r.lifted_at === null,
  liftedAt: r.lifted_at,
  liftReason: r.lift_reason,
  version: r.version,
});

/** The subject's number, checked by its kind; 400 naming `subjectNo`. */
export function checkedSubjectNo(kind: 'person' | 'enterprise', raw: string, date: string): string {
  const r = kind === 'person' ? checkIdNumber(raw, date) : checkUscc(raw);
  if (!r.ok) throw invalid([fieldError('subjectNo', `subjectNo：${r.zh}`, `subjectNo: ${r.en}`)]);
  return raw.trim().toUpperCase();
}

export async function listCredit(ctx: Ctx, input: CreditQuery): Promise<CreditRecordList> {
  const grants = readScope(ctx);
  const q = QuerySchema.parse(input);
  // a blank number looks nothing up (and unmasks nothing)
  const subjectNo = q.subjectNo ? q.subjectNo.toUpperCase() : undefined;
  const r = await listCreditRecords(ctx.deps.db.kysely, { grants, subjectNo, active: q.active === undefined ? undefined : q.active === 'true', offset: (q.page - 1) * q.pageSize, limit: q.pageSize });
  return { items: r.rows.map((x) => view(x, subjectNo !== undefined)), total: r.total };
}

/** The window's question before offering 容缺: any active record against this number? */
export async function checkCredit(ctx: Ctx, input: { subjectNo: string }): Promise<{ badCredit: boolean }> {
  requirePermission(ctx, 'case:accept');
  return { badCredit: await hasActiveCreditRecord(ctx.deps.db.kysely, input.subjectNo.trim().toUpperCase()) };
}

export async function createCredit(ctx: Ctx, input: CreateCreditBody): Promise<CreditRecordView> {
  const actor = requirePermission(ctx, 'supervision:manage');
  const b = CreateSchema.parse(input);
  return inTx(ctx.deps, async (trx) => {
    const center = await findCenterById(trx, b.centerId);
    if (!center) throw invalid([fieldError('centerId', 'centerId：中心不存在', 'centerId: no such center')]);
    requireOver(actor, 'supervision:manage', center.path, null);
    const now = today(ctx, center.time_zone);
    const id = randomUUID();
    const subjectNo = checkedSubjectNo(b.subjectKind, b.subjectNo, now.date);
    await insertCreditRecord(trx, {
      id, center_id: center.id, subject_kind: b.subjectKind, subject_no: subjectNo, subject_name: b.subjectName, source: 'manual', reason: b.reason,
      case_id: null, recorded_by: actor.userId, recorded_at: now.at, lifted_by: null, lifted_at: null, lift_reason: null, version: 1,
    });
    await recordAction(trx, ctx, { entity: 'creditRecord', entityId: id, action: 'create', payload: { subjectKind: b.subjectKind, subjectNo: maskIdNumber(subjectNo), reason: b.reason } });
    return view((await findCreditRecord(trx, id))!, true);
  });
}

export async function liftCredit(ctx: Ctx, id: string, input: LiftCreditBody): Promise<CreditRecordView> {
  const actor = requirePermission(ctx, 'supervision:manage');
  const b = LiftSchema.parse(input);
  return inTx(ctx.deps, async (trx) => {
    const r = await findCreditRecord(trx, id);
    if (!r) throw notFound('信用记录', 'Credit record');
    requireOver(actor, 'supervision:manage', r.center_path, null);
    const now = today(ctx, r.center_time_zone);
    if (r.version !== b.version || !(await liftCreditRecord(trx, id, b.version, { lifted_by: actor.userId, lifted_at: now.at, lift_reason: b.reason }))) {
      throw conflict('信用记录', 'The credit record');
    }
    await recordAction(trx, ctx, { entity: 'creditRecord', entityId: id, action: 'lift', payload: { reason: b.reason } });
    // masked as in the list the record was found in: lifting is no way to read the number
    return view((await findCreditRecord(trx, id))!, false);
  });
}
