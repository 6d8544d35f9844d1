/**
 * Rows the supervision and evaluation entries of the matrix point at, each made fresh in the
 * state its request needs (a card issued or appealed, an order open or answered, a follow-up,
 * an anomaly, a rectification being verified, a rating occasion with its SMS token, an
 * observation report filed, a complaint received).
 */
import { randomUUID } from 'node:crypto';
import { ratingToken } from '../../../src/server/services/evaluation/token.js';
import type { TestApp } from '../../helpers/app.js';

export interface SupervisionFixtures {
  /** a deptA case card of the city: issued, or appealed by deptA's leader */
  card(state: 'issued' | 'appealed'): Promise<{ id: string; version: number }>;
  order(state: 'open' | 'answered'): Promise<{ id: string; version: number }>;
  anomaly(): Promise<{ id: string; version: number }>;
  followUp(): Promise<{ id: string; version: number }>;
  rectification(): Promise<{ id: string; version: number }>;
  /** an open acceptance occasion's SMS token */
  ratingToken(): Promise<string>;
  /** a volunteer's report on a city window, filed */
  observation(windowId: string): Promise<{ id: string; version: number }>;
  /** the applicant's complaint about deptA in the city, received */
  complaint(): Promise<{ id: string; version: number }>;
}

const AT = '2026-03-02T02:00:00.000Z';
const ON = '2026-03-02';

export function createSupervisionFixtures(t: TestApp, newCase: () => Promise<{ id: string }>): SupervisionFixtures {
  const k = t.tdb.db.kysely;
  const { org } = t;
  const caseRow = async () => k.selectFrom('cases').selectAll().where('id', '=', (await newCase()).id).executeTakeFirstOrThrow();
  return {
    async card(state) {
      const id = randomUUID();
      await k.insertInto('cards').values({
        id, center_id: org.cityId, department_id: org.deptA, case_id: null, subject_type: 'case', subject_id: randomUUID(), subject_label: '矩阵测试',
        level: 'yellow', status: state, issued_on: ON, escalated_on: null, appeal: state === 'appealed' ? JSON.stringify({ reason: '申诉', by: org.users.leader, on: ON }) : null,
        ruling: null, version: 1, created_at: AT, updated_at: AT,
      }).execute();
      return { id, version: 1 };
    },
    async order(state) {
      const id = randomUUID();
      await k.insertInto('supervision_orders').values({
        id, center_id: org.cityId, department_id: org.deptA, case_id: null, anomaly_id: null, content: '请说明办理进度', status: state, issued_on: ON, due: '2026-03-05',
        answers: state === 'answered' ? JSON.stringify([{ text: '已办理', by: org.users.leader, on: ON }]) : '[]', returns: '[]', closed_on: null, issued_by: org.users.supervisor,
        version: 1, created_at: AT, updated_at: AT,
      }).execute();
      return { id, version: 1 };
    },
    async anomaly() {
      const c = await caseRow();
      const id = randomUUID();
      await k.insertInto('anomalies').values({
        id, case_id: c.id, center_id: org.cityId, department_id: org.deptA, rule: 'lateEntry', seq: 1, message: '疑似体外办理', message_en: 'late entry', status: 'open',
        disposition: '', closed_by: null, closed_at: null, version: 1, created_at: AT, updated_at: AT,
      }).execute();
      return { id, version: 1 };
    },
    async followUp() {
      const c = await caseRow();
      const id = randomUUID();
      await k.insertInto('follow_ups').values({
        id, case_id: c.id, center_id: org.cityId, department_id: org.deptA, month: '2026-02', assignee_user_id: null, status: 'pending', result: null, note: '',
        visited_on: null, version: 1, created_at: AT, updated_at: AT,
      }).execute();
      return { id, version: 1 };
    },
    async rectification() {
      const c = await caseRow();
      const evaluationId = randomUUID();
      await k.insertInto('evaluations').values({
        id: evaluationId, case_id: c.id, center_id: org.cityId, department_id: org.deptA, window_id: null, item_id: c.item_id, occasion: 'acceptance', channel: 'window',
        level: 'dissatisfied', comment: '', rater_user_id: null, created_at: AT, indicator_set: 'window-v1', indicators: '{}',
      }).execute();
      const id = randomUUID();
      await k.insertInto('rectifications').values({
        id, evaluation_id: evaluationId, case_id: c.id, center_id: org.cityId, department_id: org.deptA, status: 'verifying', due: '2026-03-03', overdue: 0,
        events: JSON.stringify([{ kind: 'open', on: ON, by: 'system', limitDays: 15 }]), version: 1, created_at: AT, updated_at: AT,
      }).execute();
      return { id, version: 1 };
    },
    async ratingToken() {
      const c = await caseRow();
      const id = randomUUID();
      await k.insertInto('rating_occasions').values({
        id, case_id: c.id, center_id: org.cityId, department_id: org.deptA, occasion: 'acceptance', opened_on: ON, closes_on: '2026-03-09', status: 'open', created_at: AT, updated_at: AT,
      }).execute();
      return ratingToken(k, t.app.deps, id);
    },
    async observation(windowId) {
      const id = randomUUID();
      await k.insertInto('observation_reports').values({
        id, center_id: org.cityId, window_id: windowId, volunteer_user_id: org.users.volunteer, observed_at: AT, content: '窗口人员玩手机', rating: 'dissatisfied',
        status: 'filed', handling: null, handled_by: null, handled_at: null, version: 1, created_at: AT, updated_at: AT,
      }).execute();
      return { id, version: 1 };
    },
    async complaint() {
      const id = randomUUID();
      await k.insertInto('complaints').values({
        id, center_id: org.cityId, subject: 'staff', case_id: null, window_id: null, department_id: org.deptA, staff_name: '张三', complainant_user_id: org.users.applicant,
        content: '态度恶劣', status: 'received', due_date: '2026-03-09', version: 1, created_at: AT, updated_at: AT,
      }).execute();
      return { id, version: 1 };
    },
  };
}
