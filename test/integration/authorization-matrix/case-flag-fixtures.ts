/** Rows the credit and denial-report entries of the matrix point at, each made fresh. */
import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../helpers/app.js';

export interface CaseFlagFixtures {
  /** an active manual credit record of the city */
  creditRecord(): Promise<{ id: string; version: number }>;
  /** an unacknowledged denial report on a deptA case of the city */
  denialReport(): Promise<{ id: string; version: number }>;
}

const AT = '2026-03-02T02:00:00.000Z';

export function createCaseFlagFixtures(t: TestApp, newCase: () => Promise<{ id: string }>): CaseFlagFixtures {
  const k = t.tdb.db.kysely;
  const admin = async () => (await k.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow()).id;
  return {
    async creditRecord() {
      const id = randomUUID();
      await k.insertInto('credit_records').values({
        id, center_id: t.org.cityId, subject_kind: 'enterprise', subject_no: '91370100MA3C123459', subject_name: '矩阵测试有限公司', source: 'manual', reason: '矩阵',
        case_id: null, recorded_by: await admin(), recorded_at: AT, lifted_by: null, lifted_at: null, lift_reason: null, version: 1,
      }).execute();
      return { id, version: 1 };
    },
    async denialReport() {
      const c = await newCase();
      const id = randomUUID();
      await k.insertInto('denial_reports').values({
        id, case_id: c.id, center_id: t.org.cityId, department_id: t.org.deptA, case_no: 'MATRIX', item_name: '矩阵事项', reasons: '["不符合条件"]', denied_on: '2026-03-02',
        acknowledged_by: null, acknowledged_at: null, version: 1, created_at: AT,
      }).execute();
      return { id, version: 1 };
    },
  };
}
