/**
 * Rows the online hall's matrix requests point at: the fixture `applicant` is given a real-name
 * enterprise identity, an agent account and a hall item (deptA); each helper makes fresh drafts,
 * cases, uploads, messages and consultations in the state a request needs, through the services
 * as the applicant (and deptA's clerk for the window's moves).
 */
import { randomUUID } from 'node:crypto';
import { loadActor } from '../../../src/server/services/auth/session.js';
import { acceptCase, refuseCase, requestSupplement } from '../../../src/server/services/case/index.js';
import type { Ctx } from '../../../src/server/services/context.js';
import { uploadCaseMaterial } from '../../../src/server/services/hall/case-moves.js';
import { ask } from '../../../src/server/services/hall/consultations.js';
import { uploadDraftMaterial } from '../../../src/server/services/hall/draft-materials.js';
import { createDraft, saveDraft } from '../../../src/server/services/hall/drafts.js';
import { setIdentity } from '../../../src/server/services/hall/profile.js';
import { submitDraft } from '../../../src/server/services/hall/submit.js';
import type { TestApp } from '../../helpers/app.js';
import { PDF_BYTES, sampleItem } from '../catalogue-helpers.js';
import { createPublishedItem } from '../../../src/server/services/catalogue/index.js';
import { systemCtx } from '../../../src/server/services/context.js';
import { hashPassword } from '../../../src/server/services/auth/passwords.js';

type Case = { id: string; version: number };

export interface HallFixtures {
  hall: {
    /** an online item of deptA (form fields, M01 and M02 required) */
    itemId: string;
    /** the registered mobile number of a real-name person account, the fixture applicant's agent-to-be */
    agentMobile: string;
    /** the applicant's profile version now */
    profileVersion(): Promise<number>;
    /** the agent is not (or no longer) authorised; an authorisation's id once it is */
    noAgent(): Promise<void>;
    agent(): Promise<string>;
    /** a fresh draft of the applicant's, empty or with its form filled and M01, M02 uploaded */
    draft(ready?: boolean): Promise<{ id: string; version: number; uploadId: string; fileId: string }>;
    /** a case the applicant submitted just now (its first material's id) */
    submitted(): Promise<Case & { materialId: string }>;
    /** a submitted case the clerk asked to supplement M02 (a notice) — with a pending upload, or not */
    supplement(withUpload: boolean): Promise<Case & { noticeId: string; uploadId: string }>;
    refused(): Promise<Case>;
    accepted(): Promise<Case>;
    /** an unread message to the applicant; its id */
    message(): Promise<string>;
    /** an open consultation about the item; its id */
    consultation(): Promise<string>;
  };
}

export async function createHallFixtures(t: TestApp): Promise<HallFixtures> {
  const deps = t.app.deps;
  const k = t.tdb.db.kysely;
  const ctxOf = async (userId: string): Promise<Ctx> => ({ deps, actor: await loadActor(k, userId), ip: 'local' });
  const me = await ctxOf(t.org.users.applicant);
  const clerk = await ctxOf(t.org.users.clerk);
  const itemId = (await createPublishedItem(systemCtx(deps), sampleItem(t, {
    code: 'SCJG-WB-0001', name: '网上申报测试事项',
    formSchema: { type: 'object', properties: { entName: { type: 'string', title: '单位名称' } }, required: ['entName'] },
  }))).item.id;
  await setIdentity(me, { version: 1, kind: 'enterprise', name: '矩阵测试有限公司', uscc: '91370100MA3C123459', legalRep: '矩阵' });

  // the agent-to-be: a real-name person registered with a mobile number
  const agentMobile = '13911112222';
  const agentId = randomUUID();
  const at = new Date().toISOString();
  await k.insertInto('users').values({
    id: agentId, username: agentMobile, display_name: '矩阵代办人', kind: 'applicant', password_hash: await hashPassword('Matrix2026pw'), phone: agentMobile, email: '',
    center_id: null, department_id: null, active: 1, failed_logins: 0, locked_until: null, password_changed_at: null, version: 1, created_at: at, updated_at: at,
  }).execute();
  await k.insertInto('hall_accounts').values({
    user_id: agentId, identity_kind: 'person', real_name: '王五', id_number: '370102198511110029', uscc: null, legal_rep: '', identity_at: at,
    mobile_verified: 1, email_verified: 0, version: 1, created_at: at, updated_at: at,
  }).execute();
  const pair = () => k.selectFrom('hall_agents').selectAll().where('agent_user_id', '=', agentId).executeTakeFirst();

  const draft = async (ready = false) => {
    const d = await createDraft(me, { itemId });
    let version = d.version;
    let upload = { id: '', fileId: '' };
    if (ready) {
      version = (await saveDraft(me, d.id, { version, formData: { entName: '矩阵测试有限公司' } })).version;
      for (const code of ['M01', 'M02']) {
        const u = await uploadDraftMaterial(me, d.id, code, async () => ({ name: `${code}.pdf`, data: PDF_BYTES }));
        upload = { id: u.id, fileId: u.fileId };
      }
    } else {
      const u = await uploadDraftMaterial(me, d.id, 'M01', async () => ({ name: 'M01.pdf', data: PDF_BYTES }));
      upload = { id: u.id, fileId: u.fileId };
    }
    return { id: d.id, version, uploadId: upload.id, fileId: upload.fileId };
  };
  const submitted = async () => {
    const d = await draft(true);
    const c = await submitDraft(me, d.id, { version: d.version });
    return { id: c.id, version: c.version, materialId: c.materials[0].id };
  };

  return {
    hall: {
      itemId,
      agentMobile,
      async profileVersion() {
        return (await k.selectFrom('hall_accounts').select('version').where('user_id', '=', t.org.users.applicant).executeTakeFirstOrThrow()).version;
      },
      async noAgent() {
        await k.updateTable('hall_agents').set({ status: 'revoked' }).where('agent_user_id', '=', agentId).execute();
      },
      async agent() {
        const p = await pair();
        if (p) {
          await k.updateTable('hall_agents').set({ status: 'active' }).where('id', '=', p.id).execute();
          return p.id;
        }
        const id = randomUUID();
        await k.insertInto('hall_agents').values({ id, principal_user_id: t.org.users.applicant, agent_user_id: agentId, status: 'active', version: 1, created_at: at, updated_at: at }).execute();
        return id;
      },
      draft,
      submitted,
      async supplement(withUpload) {
        const c = await submitted();
        const s = await requestSupplement(clerk, c.id, { version: c.version, materials: [{ code: 'M02', problem: 'missing', note: '' }] });
        const uploadId = withUpload ? (await uploadCaseMaterial(me, c.id, 'M02', async () => ({ name: 'M02.pdf', data: PDF_BYTES }))).id : '';
        return { id: s.id, version: s.version, noticeId: s.notices[0].id, uploadId };
      },
      async refused() {
        const c = await submitted();
        const r = await refuseCase(clerk, c.id, { version: c.version, reason: '材料不符合法定形式', legalBasis: ['《中华人民共和国行政许可法》第三十二条'] });
        return { id: r.id, version: r.version };
      },
      async accepted() {
        const c = await submitted();
        const a = await acceptCase(clerk, c.id, { version: c.version });
        return { id: a.id, version: a.version };
      },
      async message() {
        const id = randomUUID();
        await k.insertInto('messages').values({ id, recipient_key: 'uscc:91370100MA3C123459', recipient_user_id: null, case_id: null, template: 'caseAccepted', title: '矩阵', body: '矩阵测试消息', created_at: new Date().toISOString(), read_at: null }).execute();
        return id;
      },
      async consultation() {
        return (await ask(me, { itemId, question: '矩阵测试咨询' })).id;
      },
    },
  };
}
