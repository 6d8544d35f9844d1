/**
 * Green channel (绿色通道), applicants' credit records (信用记录) and denial reports (否定报备) —
 * src/server/routes/supervision/credit.ts and window/case-more.ts, schemas in
 * contracts/case-flags.ts. Every change carries the record's (or the case's) `version`; a 409
 * means someone changed it first (show it, reload).
 */
import type { CaseView } from '@shared/contracts/case';
import type {
  CreateCreditBody,
  CreditQuery,
  CreditRecordList,
  CreditRecordView,
  DenialReportList,
  DenialReportQuery,
  DenialReportView,
  GreenChannelBody,
} from '@shared/contracts/case-flags';
import { http } from './http';

export type { CreateCreditBody, CreditRecordView, DenialReportView };
export type CreditSubjectKind = CreditRecordView['subjectKind'];
export type GreenChannelInput = Omit<GreenChannelBody, 'version'>;

const S = '/api/v1/supervision';
const id = (x: string) => encodeURIComponent(x);

export const caseFlagsApi = {
  /** set (with the escort) or lift (`on: false`) the green channel of an open case */
  greenChannel: (caseId: string, version: number, body: GreenChannelInput) => http.post<CaseView>(`/api/v1/cases/${id(caseId)}/green-channel`, { version, ...body }),
  /** the window's question before offering 容缺: an active record against this ID number / USCC? */
  creditCheck: (subjectNo: string) => http.get<{ badCredit: boolean }>('/api/v1/credit-check', { subjectNo }),

  creditRecords: (q: Partial<CreditQuery>) => http.get<CreditRecordList>(`${S}/credit-records`, q),
  createCredit: (b: CreateCreditBody) => http.post<CreditRecordView>(`${S}/credit-records`, b),
  liftCredit: (recordId: string, version: number, reason: string) => http.post<CreditRecordView>(`${S}/credit-records/${id(recordId)}/lift`, { version, reason }),

  denialReports: (q: Partial<DenialReportQuery>) => http.get<DenialReportList>(`${S}/denial-reports`, q),
  acknowledgeDenial: (reportId: string, version: number) => http.post<DenialReportView>(`${S}/denial-reports/${id(reportId)}/acknowledge`, { version }),
};
