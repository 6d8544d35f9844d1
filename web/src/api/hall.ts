/**
 * The online hall (网上办事大厅) — src/server/routes/hall/*.ts, contracts hall-accounts.ts,
 * hall-apply.ts, hall-cases.ts, hall-service.ts. Applicant calls live under /api/v1/hall (a
 * staff session gets 403 there); the public ones under /api/v1/public; the staff side (a case's
 * online application, consultations to answer) under /api/v1/cases and /api/v1/consultations.
 */
import type { z } from 'zod';
import type { LoginReply } from '@shared/contracts/auth';
import type { OkBody } from '@shared/contracts/common';
import type { AgentList, AgentView, HallProfile, IdentityBody, PasswordResetBody, ProfileBody, RegisterBody, SmsCodeReply, SmsPurpose } from '@shared/contracts/hall-accounts';
import type { ApplicationView, DraftList, DraftView, ItemForm, UploadView } from '@shared/contracts/hall-apply';
import type { EvaluationBody, MyCaseList, MyCaseQuery, MyCaseView } from '@shared/contracts/hall-cases';
import type {
  AnswerBody,
  ComplaintBody,
  ComplaintList,
  ComplaintView,
  ConsultationList,
  ConsultationQuery,
  ConsultationView,
  PublicConsultationList,
  PublicationList,
  PublicationQuery,
  PublicWindowList,
} from '@shared/contracts/hall-service';
import { http } from './http';

export type { AgentList, AgentView, HallProfile, IdentityBody, SmsPurpose, ApplicationView, DraftList, DraftView, ItemForm, UploadView };
export type { MyCaseList, MyCaseView, ConsultationList, ConsultationView, ComplaintList, ComplaintView, PublicationList, PublicConsultationList, PublicWindowList };
export type { EvaluationLevel, EvaluationOccasion } from '@shared/contracts/hall-cases';
export type { ComplaintSubject } from '@shared/contracts/hall-service';
export type LoginResult = z.infer<typeof LoginReply>;
export type MyCaseItem = MyCaseList['items'][number];
export type MyMaterial = MyCaseView['materials'][number];
export type DraftListItem = DraftList['items'][number];
export type Publication = PublicationList['items'][number];
export type ChecklistMaterial = ItemForm['materials'][number];
type Ok = z.infer<typeof OkBody>;

const H = '/api/v1/hall';
const enc = encodeURIComponent;

/** One file as multipart (part `file`), against a material of the checklist. */
function upload(url: string, materialCode: string, file: File): Promise<UploadView> {
  const fd = new FormData();
  fd.append('file', file, file.name);
  return http.post<UploadView>(url, fd, { query: { materialCode } });
}

export const hallApi = {
  // ── accounts ───────────────────────────────────────────────────────────────────────────
  smsCode: (mobile: string, purpose: SmsPurpose) => http.post<SmsCodeReply>(`${H}/sms-codes`, { mobile, purpose }, { skipAuthRedirect: true }),
  register: (body: RegisterBody) => http.post<LoginResult>(`${H}/register`, body, { skipAuthRedirect: true }),
  resetPassword: (body: PasswordResetBody) => http.post<Ok>(`${H}/password-reset`, body, { skipAuthRedirect: true }),
  profile: () => http.get<HallProfile>(`${H}/profile`),
  saveProfile: (body: ProfileBody) => http.put<HallProfile>(`${H}/profile`, body),
  setIdentity: (body: IdentityBody) => http.put<HallProfile>(`${H}/profile/identity`, body),
  agents: () => http.get<AgentList>(`${H}/agents`),
  addAgent: (mobile: string) => http.post<AgentView>(`${H}/agents`, { mobile }),
  revokeAgent: (id: string) => http.delete<AgentView>(`${H}/agents/${enc(id)}`),

  // ── applying online ────────────────────────────────────────────────────────────────────
  itemForm: (itemId: string) => http.get<ItemForm>(`/api/v1/public/items/${enc(itemId)}/form`),
  drafts: (q: { page: number; pageSize: number }) => http.get<DraftList>(`${H}/drafts`, q),
  newDraft: (itemId: string, principalId?: string) => http.post<DraftView>(`${H}/drafts`, { itemId, principalId }),
  draft: (id: string) => http.get<DraftView>(`${H}/drafts/${enc(id)}`),
  saveDraft: (id: string, version: number, formData: Record<string, unknown>) => http.put<DraftView>(`${H}/drafts/${enc(id)}`, { version, formData }),
  discardDraft: (id: string) => http.delete<Ok>(`${H}/drafts/${enc(id)}`),
  submitDraft: (id: string, version: number) => http.post<MyCaseView>(`${H}/drafts/${enc(id)}/submit`, { version }),
  uploadDraftFile: (id: string, materialCode: string, file: File) => upload(`${H}/drafts/${enc(id)}/materials`, materialCode, file),
  removeDraftFile: (id: string, uploadId: string) => http.delete<Ok>(`${H}/drafts/${enc(id)}/materials/${enc(uploadId)}`),

  // ── my cases ───────────────────────────────────────────────────────────────────────────
  cases: (q: MyCaseQuery) => http.get<MyCaseList>(`${H}/cases`, q),
  case: (id: string) => http.get<MyCaseView>(`${H}/cases/${enc(id)}`),
  noticeUrl: (caseId: string, noticeId: string) => `${H}/cases/${enc(caseId)}/notices/${enc(noticeId)}/pdf`,
  uploadCaseFile: (id: string, materialCode: string, file: File) => upload(`${H}/cases/${enc(id)}/materials`, materialCode, file),
  removeCaseFile: (id: string, materialId: string) => http.delete<Ok>(`${H}/cases/${enc(id)}/materials/${enc(materialId)}`),
  supply: (id: string, version: number) => http.post<MyCaseView>(`${H}/cases/${enc(id)}/supply`, { version }),
  withdraw: (id: string, version: number, reason: string) => http.post<MyCaseView>(`${H}/cases/${enc(id)}/withdraw`, { version, reason }),
  askRecheck: (id: string, version: number, reason: string) => http.post<MyCaseView>(`${H}/cases/${enc(id)}/ask-recheck`, { version, reason }),
  rate: (id: string, body: EvaluationBody) => http.post<MyCaseView>(`${H}/cases/${enc(id)}/evaluations`, body),

  // ── consultations, complaints, publication ─────────────────────────────────────────────
  myConsultations: (q: { page: number; pageSize: number }) => http.get<ConsultationList>(`${H}/consultations`, q),
  ask: (itemId: string, question: string) => http.post<ConsultationView>(`${H}/consultations`, { itemId, question }),
  publicConsultations: (itemId: string, q: { page: number; pageSize: number }) => http.get<PublicConsultationList>(`/api/v1/public/items/${enc(itemId)}/consultations`, q),
  myComplaints: (q: { page: number; pageSize: number }) => http.get<ComplaintList>(`${H}/complaints`, q),
  complain: (body: ComplaintBody) => http.post<ComplaintView>(`${H}/complaints`, body),
  publications: (q: Partial<PublicationQuery>) => http.get<PublicationList>('/api/v1/public/publications', q),
  windows: (centerId?: string) => http.get<PublicWindowList>('/api/v1/public/windows', { centerId }),

  // ── staff side ─────────────────────────────────────────────────────────────────────────
  /** the online application of a case (404: taken in at a window) */
  application: (caseId: string) => http.get<ApplicationView>(`/api/v1/cases/${enc(caseId)}/application`),
  staffConsultations: (q: ConsultationQuery) => http.get<ConsultationList>('/api/v1/consultations', q),
  answer: (id: string, body: AnswerBody) => http.post<ConsultationView>(`/api/v1/consultations/${enc(id)}/answer`, body),
};
