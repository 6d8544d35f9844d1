/**
 * Green channel (绿色通道), applicants' credit records (信用记录) and denial reports (否定报备):
 * DESIGN §4 "Work items" and "容缺受理". Every write carries the `version` it was read at.
 */
import { z } from 'zod';
import { Id, IsoDate, Instant, PageQuery, VersionBody, listOf } from './common.js';

const Text = (max: number) => z.string().trim().max(max);

/** Set (with an escort, 领办人) or lift the green channel of an open case. */
export const GreenChannelBody = VersionBody.extend({
  on: z.boolean(),
  /** a staff account of the case's center; required to set (the domain names the field) */
  escortId: Id.nullable().default(null),
  reason: Text(500),
});
export type GreenChannelBody = z.input<typeof GreenChannelBody>;

export const CreditSubjectKind = z.enum(['person', 'enterprise']);
export const CreditSource = z.enum(['manual', 'falsePledge']);

/** A bad-credit record. The subject's number is masked unless the reader searched for it by number. */
export const CreditRecordView = z.object({
  id: Id,
  centerId: Id,
  subjectKind: CreditSubjectKind,
  subjectNo: z.string(),
  subjectName: z.string(),
  source: CreditSource,
  reason: z.string(),
  caseId: Id.nullable(),
  caseNo: z.string().nullable(),
  recordedAt: Instant,
  recordedByName: z.string().nullable(),
  active: z.boolean(),
  liftedAt: Instant.nullable(),
  liftReason: z.string().nullable(),
  version: z.number().int(),
});
export type CreditRecordView = z.infer<typeof CreditRecordView>;
export const CreditRecordList = listOf(CreditRecordView);
export type CreditRecordList = z.infer<typeof CreditRecordList>;

export const CreditQuery = PageQuery.extend({
  /** an ID number or unified social credit code, exactly */
  subjectNo: Text(32).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type CreditQuery = z.input<typeof CreditQuery>;

export const CreateCreditBody = z.object({
  centerId: Id,
  subjectKind: CreditSubjectKind,
  /** checksum-validated: an ID number for a person, a USCC for an enterprise */
  subjectNo: Text(32),
  subjectName: Text(200).min(1),
  reason: Text(2000).min(1),
});
export type CreateCreditBody = z.input<typeof CreateCreditBody>;

export const LiftCreditBody = VersionBody.extend({ reason: Text(2000).min(1) });
export type LiftCreditBody = z.input<typeof LiftCreditBody>;

/** Whether an applicant has an active record (the window asks before offering 容缺). */
export const CreditCheckQuery = z.object({ subjectNo: Text(32).min(1) });
export const CreditCheck = z.object({ badCredit: z.boolean() });

/** A denial of an investment-project item, reported to the department's liaison and the center (否定报备). */
export const DenialReportView = z.object({
  id: Id,
  caseId: Id,
  caseNo: z.string(),
  itemName: z.string(),
  centerId: Id,
  departmentId: Id,
  departmentName: z.string(),
  reasons: z.array(z.string()),
  deniedOn: IsoDate,
  acknowledgedAt: Instant.nullable(),
  acknowledgedByName: z.string().nullable(),
  createdAt: Instant,
  version: z.number().int(),
});
export type DenialReportView = z.infer<typeof DenialReportView>;
export const DenialReportList = listOf(DenialReportView);
export type DenialReportList = z.infer<typeof DenialReportList>;
export const DenialReportQuery = PageQuery.extend({ acknowledged: z.enum(['true', 'false']).optional() });
export type DenialReportQuery = z.input<typeof DenialReportQuery>;
export const AcknowledgeBody = VersionBody;
export type AcknowledgeBody = z.input<typeof AcknowledgeBody>;
