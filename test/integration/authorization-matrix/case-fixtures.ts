/**
 * Cases the matrix's fee, special-procedure, termination, supply, recheck and forward-answer
 * requests point at: each call makes a fresh case over the API (deptA's clerk and leader), in the
 * state the request needs; and the versions of the city's case and supervision settings.
 */
import { createDelegation } from '../../../src/server/services/organisation/index.js';
import { createPublishedItem } from '../../../src/server/services/catalogue/index.js';
import { systemCtx } from '../../../src/server/services/context.js';
import type { Session, TestApp } from '../../helpers/app.js';
import { sampleItem } from '../catalogue-helpers.js';

export interface CaseMoveFixtures {
  /** a case of a charged item, accepted — its one fee assessed, or assessed and paid; the fee's id */
  feeCase(state: 'accepted' | 'assessed' | 'paid'): Promise<{ id: string; version: number; feeId: string }>;
  /**
   * a case of an item with a hearing procedure, delegated to deptA (its chief rep decides), in
   * review with 审查 open for deptA's reviewer — or suspended for the hearing by deptA's leader
   */
  procedureCase(state: 'inReview' | 'suspended'): Promise<{ id: string; version: number }>;
  /** a case of a plain item waiting for M02 (supplement notice by deptA's clerk) */
  supplementCase(): Promise<{ id: string; version: number }>;
  /** a case of a plain item not accepted by deptA's clerk — with the applicant's recheck request recorded, or not */
  refusedCase(recheckAsked: boolean): Promise<{ id: string; version: number }>;
  /** a case of a report-up item, accepted and forwarded by deptA's leader, awaiting the answer */
  forwardedCase(): Promise<{ id: string; version: number }>;
  /** the version of the city center's own case settings (0: none set) */
  caseSettingsVersion(): Promise<number>;
  /** the version of the city center's own supervision/evaluation settings (0: none set) */
  supervisionSettingsVersion(): Promise<number>;
}

type View = { id: string; version: number; fees: { id: string }[] };

export async function createCaseMoveFixtures(t: TestApp): Promise<CaseMoveFixtures> {
  const sys = systemCtx(t.app.deps);
  const fees = { free: false, lines: [{ name: '证书工本费', amountFen: 2000, licenceNo: '鲁收许字第370100001号' }] };
  const feeItem = (await createPublishedItem(sys, sampleItem(t, { code: 'SCJG-XK-0303', name: '收费测试事项', fees }))).item.id;
  const procedureItem = (await createPublishedItem(sys, sampleItem(t, { code: 'SCJG-XK-0304', name: '听证测试事项', specialProcedures: ['hearing'] }))).item.id;
  await createDelegation(sys, { departmentId: t.org.deptA, itemId: procedureItem });
  const plainItem = (await createPublishedItem(sys, sampleItem(t, { code: 'SCJG-XK-0305', name: '复核测试事项' }))).item.id;
  const reportUpItem = (await createPublishedItem(sys, sampleItem(t, { code: 'SCJG-XK-0306', name: '上报测试事项', handlingClass: 'reportUp' }))).item.id;

  const sessions: Partial<Record<'clerk' | 'leader', Session>> = {};
  const post = async (who: 'clerk' | 'leader', url: string, payload: object): Promise<View> => {
    const r = await t.as((sessions[who] ??= await t.login(who)), { method: 'POST', url, payload });
    if (r.statusCode !== 200) throw new Error(`${url} failed: ${r.statusCode} ${r.body}`);
    return r.json() as View;
  };
  const submitted = (itemId: string) =>
    post('clerk', '/api/v1/cases', { itemId, applicant: { kind: 'enterprise', name: '矩阵测试有限公司', uscc: '91370100MA3C123459' } });
  const accepted = async (itemId: string) => {
    const c = await submitted(itemId);
    return post('clerk', `/api/v1/cases/${c.id}/accept`, { version: c.version });
  };

  /** the group's version at the city: the highest of its own rows (0: none) */
  const settingsVersion = async (keys: string[]): Promise<number> => {
    const rows = await t.tdb.db.kysely
      .selectFrom('settings')
      .select('version')
      .where('scope', '=', t.org.cityId)
      .where((eb) => eb.or(keys.map((k) => eb('key', 'like', k))))
      .execute();
    return Math.max(0, ...rows.map((r) => r.version));
  };
  return {
    async feeCase(state) {
      const a = await accepted(feeItem);
      if (state === 'accepted') return { id: a.id, version: a.version, feeId: '' };
      const f = await post('clerk', `/api/v1/cases/${a.id}/fees`, { version: a.version });
      const feeId = f.fees[0].id;
      if (state === 'assessed') return { id: f.id, version: f.version, feeId };
      const p = await post('clerk', `/api/v1/cases/${a.id}/fees/${feeId}/pay`, { version: f.version, method: 'cash' });
      return { id: p.id, version: p.version, feeId };
    },
    async procedureCase(state) {
      const a = await accepted(procedureItem);
      const r = await post('clerk', `/api/v1/cases/${a.id}/start-review`, { version: a.version });
      if (state === 'inReview') return { id: r.id, version: r.version };
      const s = await post('leader', `/api/v1/cases/${a.id}/suspend`, { version: r.version, procedure: 'hearing', reason: '举行听证', limitDays: 20 });
      return { id: s.id, version: s.version };
    },
    async supplementCase() {
      const c = await submitted(plainItem);
      const s = await post('clerk', `/api/v1/cases/${c.id}/supplement`, { version: c.version, materials: [{ code: 'M02', problem: 'missing' }] });
      return { id: s.id, version: s.version };
    },
    async refusedCase(recheckAsked) {
      const c = await submitted(plainItem);
      const r = await post('clerk', `/api/v1/cases/${c.id}/refuse`, { version: c.version, reason: '材料不符合法定形式', legalBasis: ['《中华人民共和国行政许可法》第三十二条'] });
      if (!recheckAsked) return { id: r.id, version: r.version };
      const a = await post('clerk', `/api/v1/cases/${c.id}/ask-recheck`, { version: r.version, reason: '材料已齐全，请求复核' });
      return { id: a.id, version: a.version };
    },
    async forwardedCase() {
      const a = await accepted(reportUpItem);
      const d = await post('leader', `/api/v1/cases/${a.id}/decide`, { version: a.version, decision: { outcome: 'forwarded', authority: '省市场监督管理局' } });
      return { id: d.id, version: d.version };
    },
    caseSettingsVersion: () => settingsVersion(['case.%']),
    supervisionSettingsVersion: () => settingsVersion(['supervision.%', 'evaluation.%']),
  };
}
