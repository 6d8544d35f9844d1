/**
 * Cases (办件) at the window and the moves every page of a case shares — routes in
 * src/server/routes/window/{cases,case-fees}.ts and review/case-procedure.ts, schemas in
 * contracts/case*.ts. Every move carries the `version` the case was read at and answers the
 * whole `CaseView`; a 409 means someone else moved the case first (show it, reload).
 */
import type {
  AcceptBody,
  CaseList,
  CaseListQuery,
  CaseView,
  ConcludeImmediatelyBody,
  IntakeBody,
  RefuseBody,
  SupplementBody,
} from '@shared/contracts/case';
import type { AssessFeesBody, PayFeeBody } from '@shared/contracts/case-fees';
import type { SuspendBody, TerminateBody } from '@shared/contracts/case-procedure';
import type { ForwardAnswerBody } from '@shared/contracts/case-more';
import type { DeliverBody } from '@shared/contracts/case-review';
import type { AdminItemList, ItemVersionPreview } from '@shared/contracts/catalogue-api';
import { http } from './http';

export type { CaseView, CaseListItem, CaseStatus, CaseFeeView, CasePauseView } from '@shared/contracts/case';
export type { CaseNoticeView, NoticeKind } from '@shared/contracts/case-notices';
export type { IntakeBody };
export type CaseTask = CaseView['tasks'][number];
export type CaseAction = CaseView['actions'][number];
export type CaseActionKind = CaseView['availableActions'][number];
export type CaseLight = NonNullable<CaseView['light']>;
export type ForwardAnswer = Omit<ForwardAnswerBody, 'version'>;
/** 容缺 (owed materials and their due date) and 告知承诺 (pledged materials) at acceptance */
export type AcceptTerms = Omit<AcceptBody, 'version'>;
export type ApplicantInput = IntakeBody['applicant'];
export type CaseListView = NonNullable<CaseListQuery['view']>;
export type ImmediateDecision = ConcludeImmediatelyBody['decision'];
export type Delivery = DeliverBody['delivery'];
export type PayMethod = PayFeeBody['method'];
export type SuspendInput = Omit<SuspendBody, 'version'>;
export type TerminateInput = Omit<TerminateBody, 'version'>;
export type IntakeItem = AdminItemList['items'][number];
export type FeeLine = ItemVersionPreview['version']['data']['fees']['lines'][number];
export type AssessLine = NonNullable<AssessFeesBody['lines']>[number];

const base = '/api/v1/cases';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
const move = (id: string, what: string, body: object) => http.post<CaseView>(`${one(id)}/${what}`, body);

export const casesApi = {
  intake: (body: IntakeBody) => http.post<CaseView>(base, body),
  list: (q: Partial<CaseListQuery>) => http.get<CaseList>(base, q),
  get: (id: string) => http.get<CaseView>(one(id)),

  accept: (id: string, version: number, terms: AcceptTerms = {}) => move(id, 'accept', { version, deferred: terms.deferred ?? null, pledged: terms.pledged ?? [] }),
  supplement: (id: string, body: SupplementBody) => move(id, 'supplement', body),
  /** the applicant hands in what a supplement notice asked for, or owed 容缺 materials (material codes) */
  supply: (id: string, version: number, materials: string[]) => move(id, 'supply', { version, materials }),
  refuse: (id: string, body: RefuseBody) => move(id, 'refuse', body),
  concludeImmediately: (id: string, version: number, decision: ImmediateDecision) => move(id, 'conclude-immediately', { version, decision }),
  startReview: (id: string, version: number) => move(id, 'start-review', { version }),
  deliver: (id: string, version: number, delivery: Delivery) => move(id, 'deliver', { version, delivery }),
  withdraw: (id: string, version: number, reason: string) => move(id, 'withdraw', { version, reason }),
  /** the applicant's request to review a refusal (复核), recorded at the window */
  askRecheck: (id: string, version: number, reason: string) => move(id, 'ask-recheck', { version, reason }),
  /** the supervision office's answer: upheld (the refusal stands) or overturned (back to the window) */
  answerRecheck: (id: string, version: number, upheld: boolean, reason: string) => move(id, 'answer-recheck', { version, upheld, reason }),
  /** the higher authority's answer to a forwarded (上报) case */
  forwardAnswer: (id: string, version: number, body: ForwardAnswer) => move(id, 'forward-answer', { version, ...body }),

  suspend: (id: string, version: number, body: SuspendInput) => move(id, 'suspend', { version, ...body }),
  resume: (id: string, version: number) => move(id, 'resume', { version }),
  terminate: (id: string, version: number, body: TerminateInput) => move(id, 'terminate', { version, ...body }),

  assessFees: (id: string, version: number, lines?: AssessLine[]) => move(id, 'fees', { version, lines }),
  payFee: (id: string, feeId: string, version: number, method: PayMethod, reference?: string) =>
    move(id, `fees/${encodeURIComponent(feeId)}/pay`, { version, method, reference: reference || undefined }),
  cancelFee: (id: string, feeId: string, version: number, reason: string) => move(id, `fees/${encodeURIComponent(feeId)}/cancel`, { version, reason }),
  refundFee: (id: string, feeId: string, version: number, reason: string) => move(id, `fees/${encodeURIComponent(feeId)}/refund`, { version, reason }),

  /** the PDF of a notice (opened in a new tab to print) */
  noticePdfUrl: (id: string, noticeId: string) => `${one(id)}/notices/${encodeURIComponent(noticeId)}/pdf`,

  /** published items the clerk may take in (the catalogue:read scope), by name or code */
  items: (q: string, signal?: AbortSignal) => http.get<AdminItemList>('/api/v1/admin/items', { q: q || undefined, status: 'published', pageSize: 30 }, { signal }),
  /** the item version a case was taken in under (its fee lines) */
  itemVersion: (itemId: string, versionNo: number) => http.get<ItemVersionPreview>(`/api/v1/admin/items/${encodeURIComponent(itemId)}/versions/${versionNo}`),
};
