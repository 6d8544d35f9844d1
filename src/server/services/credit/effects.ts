/**
 * What credit has to do with a case move, in the move's transaction:
 * - acceptance with 容缺 materials owed is refused (422, field `deferred`) while an active
 *   bad-credit record names the applicant (DESIGN §4: "Not offered to applicants with bad
 *   credit") — the whole move is rolled back, nothing is written;
 * - a case terminated for a false pledge (告知承诺 found false) writes a record against the
 *   applicant (source `falsePledge`, the case named), so the bar follows them from now on.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { CaseAction } from '../../../domain/case/index.js';
import { AppError, fieldError } from '../../../domain/errors.js';
import { maskIdNumber } from '../../../domain/identity/index.js';
import type { Database } from '../../db/schema.js';
import { hasActiveCreditRecord, insertCreditRecord } from '../../repositories/case-flags.js';
import { recordAction } from '../audit/record.js';
import type { Ctx } from '../context.js';

/** The applicant as the case names them (the known facts of the move, or read now). */
export interface CreditFacts {
  applicant_id_number: string | null;
  applicant_uscc: string | null;
}

const subjectOf = (f: CreditFacts) => f.applicant_id_number ?? f.applicant_uscc ?? null;

export async function creditEffects(trx: Transaction<Database>, ctx: Ctx, caseId: string, action: CaseAction, known?: CreditFacts): Promise<void> {
  const barCheck = action.kind === 'accept' && action.deferred !== null;
  const falsePledge = action.kind === 'terminate' && action.grounds === 'falsePledge';
  if (!barCheck && !falsePledge) return;
  const row = await trx
    .selectFrom('cases')
    .select(['center_id', 'case_no', 'applicant_kind', 'applicant_name', 'applicant_id_number', 'applicant_uscc'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const subject = subjectOf(known ?? row);
  if (!subject) return;
  if (barCheck) {
    if (await hasActiveCreditRecord(trx, subject)) {
      throw new AppError('unprocessable', '申请人有失信记录，不适用容缺受理', 'The applicant has a bad-credit record: 容缺 acceptance is not available', [
        fieldError('deferred', 'deferred：申请人有失信记录，不适用容缺受理', 'deferred: the applicant has a bad-credit record; materials cannot be owed'),
      ]);
    }
    return;
  }
  if (action.kind !== 'terminate') return;
  const id = randomUUID();
  await insertCreditRecord(trx, {
    id, center_id: row.center_id, subject_kind: row.applicant_kind === 'enterprise' ? 'enterprise' : 'person', subject_no: subject, subject_name: row.applicant_name,
    source: 'falsePledge', reason: `办件 ${row.case_no} 告知承诺不实：${action.reason}`, case_id: caseId, recorded_by: action.actorId, recorded_at: action.at,
    lifted_by: null, lifted_at: null, lift_reason: null, version: 1,
  });
  await recordAction(trx, ctx, { entity: 'creditRecord', entityId: id, action: 'create', payload: { source: 'falsePledge', caseId, caseNo: row.case_no, subjectNo: maskIdNumber(subject) } });
}
