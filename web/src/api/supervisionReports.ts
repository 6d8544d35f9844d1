/**
 * Observation reports (明察暗访) and complaint handling (投诉处理) — src/server/routes/supervision/reports.ts
 * and `GET /api/v1/supervision/complaints` (routes/hall/staff.ts); schemas in contracts/supervision-reports.ts.
 * Every change carries the record's `version` (409 when someone changed it first or the step is out of order).
 */
import type { ComplaintList, ComplaintQuery } from '@shared/contracts/hall-service';
import type {
  ComplaintStepBody,
  FileObservationBody,
  HandledComplaintView,
  ObservationList,
  ObservationQuery,
  ObservationView,
} from '@shared/contracts/supervision-reports';
import { http } from './http';

export type { ComplaintView } from '@shared/contracts/hall-service';
export type { FileObservationBody, HandledComplaintView, ObservationView };
export type ObservationRating = ObservationView['rating'];
export type ComplaintStepKind = ComplaintStepBody['step'];

const S = '/api/v1/supervision';
const id = (x: string) => encodeURIComponent(x);

export const reportsApi = {
  observations: (q: ObservationQuery) => http.get<ObservationList>(`${S}/observations`, q),
  myObservations: (q: ObservationQuery) => http.get<ObservationList>(`${S}/observations/mine`, q),
  fileObservation: (b: FileObservationBody) => http.post<ObservationView>(`${S}/observations`, b),
  handleObservation: (obsId: string, version: number, handling: string) => http.post<ObservationView>(`${S}/observations/${id(obsId)}/handle`, { version, handling }),

  complaints: (q: ComplaintQuery) => http.get<ComplaintList>(`${S}/complaints`, q),
  complaint: (cId: string) => http.get<HandledComplaintView>(`${S}/complaints/${id(cId)}`),
  step: (cId: string, b: ComplaintStepBody) => http.post<HandledComplaintView>(`${S}/complaints/${id(cId)}/steps`, b),
};
