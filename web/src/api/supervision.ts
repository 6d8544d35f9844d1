/**
 * Electronic supervision (电子监察) — src/server/routes/supervision/*.ts, schemas in
 * contracts/supervision.ts and contracts/supervision-work.ts: the monitor and its light series,
 * the live feed (server-sent events, see composables/useSupervisionFeed.ts), cards with appeal
 * and ruling, and the office's work lists (anomalies, supervision orders, follow-up visits).
 * Every change carries the record's `version` (409 when someone changed it first).
 */
import type { CardList, CardQuery, CardView, MonitorQuery, MonitorView, SeriesQuery, SeriesView } from '@shared/contracts/supervision';
import type {
  AnomalyList,
  AnomalyQuery,
  AnomalyView,
  FollowUpList,
  FollowUpQuery,
  FollowUpView,
  IssueOrderBody,
  OrderList,
  OrderQuery,
  OrderView,
} from '@shared/contracts/supervision-work';
import { http } from './http';

export type { CardView, MonitorEntry, MonitorView, SeriesView, LightCounts } from '@shared/contracts/supervision';
export type { AnomalyView, FollowUpView, OrderView } from '@shared/contracts/supervision-work';
export type CardLevel = CardView['level'];
export type CardStatus = CardView['status'];
export type FollowUpResult = NonNullable<FollowUpView['result']>;

const S = '/api/v1/supervision';
const id = (x: string) => encodeURIComponent(x);

export const FEED_URL = `${S}/feed`;

export const supervisionApi = {
  monitor: (q: MonitorQuery) => http.get<MonitorView>(`${S}/monitor`, q),
  series: (q: SeriesQuery = {}) => http.get<SeriesView>(`${S}/monitor/series`, q),

  cards: (q: Partial<CardQuery>) => http.get<CardList>(`${S}/cards`, q),
  card: (cardId: string) => http.get<CardView>(`${S}/cards/${id(cardId)}`),
  appeal: (cardId: string, version: number, reason: string) => http.post<CardView>(`${S}/cards/${id(cardId)}/appeal`, { version, reason }),
  rule: (cardId: string, version: number, upheld: boolean, reason: string) => http.post<CardView>(`${S}/cards/${id(cardId)}/rule`, { version, upheld, reason }),

  anomalies: (q: Partial<AnomalyQuery>) => http.get<AnomalyList>(`${S}/anomalies`, q),
  closeAnomaly: (anomalyId: string, version: number, disposition: string) => http.post<AnomalyView>(`${S}/anomalies/${id(anomalyId)}/close`, { version, disposition }),

  orders: (q: Partial<OrderQuery>) => http.get<OrderList>(`${S}/orders`, q),
  issueOrder: (b: IssueOrderBody) => http.post<OrderView>(`${S}/orders`, b),
  answerOrder: (orderId: string, version: number, text: string) => http.post<OrderView>(`${S}/orders/${id(orderId)}/answer`, { version, text }),
  reviewOrder: (orderId: string, version: number, accept: boolean, reason: string) => http.post<OrderView>(`${S}/orders/${id(orderId)}/review`, { version, accept, reason }),

  followUps: (q: Partial<FollowUpQuery>) => http.get<FollowUpList>(`${S}/follow-ups`, q),
  assignFollowUp: (fid: string, version: number, assigneeUserId: string) => http.post<FollowUpView>(`${S}/follow-ups/${id(fid)}/assign`, { version, assigneeUserId }),
  recordFollowUp: (fid: string, body: { version: number; reached: boolean; result?: FollowUpResult; note: string }) => http.post<FollowUpView>(`${S}/follow-ups/${id(fid)}/result`, body),
};
