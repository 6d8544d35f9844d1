/**
 * Notices (文书) of a case: each is written when the move that calls for it happens, rendered to
 * PDF (Chinese font, case number, QR code to the public progress page) the first time it is
 * asked for, then kept: a reprint gives the same bytes.
 */
import { z } from 'zod';
import { Id, Instant, IsoDate } from './common.js';

export const NOTICE_KINDS = [
  /** 受理通知书 */
  'acceptance',
  /** 补正材料通知书 */
  'supplement',
  /** 不予受理通知书 */
  'refusal',
  /** 特别程序告知书 */
  'specialProcedure',
  /** 准予许可决定书 */
  'approval',
  /** 不予许可决定书 */
  'denial',
  /** 送达回证 */
  'deliveryReceipt',
  /** 容缺受理承诺书: the owed materials and their due date, signed by the applicant */
  'deferredPledge',
  /** 告知承诺书: the pledge that replaces certificates, signed by the applicant */
  'pledge',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const CaseNoticeView = z.object({
  id: Id,
  kind: z.enum(NOTICE_KINDS),
  /** e.g. 受理〔2026〕370700260930000001-1 — unique per case and kind */
  noticeNo: z.string(),
  /** the case action (seq) the notice belongs to */
  seq: z.number().int(),
  issuedOn: IsoDate,
  createdAt: Instant,
});
export type CaseNoticeView = z.infer<typeof CaseNoticeView>;

export const CaseNoticeList = z.object({ items: z.array(CaseNoticeView) });
export type CaseNoticeList = z.infer<typeof CaseNoticeList>;

export const CaseNoticeParams = z.object({ id: z.string().max(64), noticeId: z.string().max(64) });
