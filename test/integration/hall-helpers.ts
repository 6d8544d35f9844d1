/** Shared by the online hall's integration tests: an online item, registered applicants, drafts ready to submit. */
import { expect } from 'vitest';
import type { ItemDataInput } from '../../src/contracts/catalogue.js';
import { idNumberCheckChar, usccCheckChar } from '../../src/domain/identity/index.js';
import { LogSmsProvider } from '../../src/server/services/notifications/sms.js';
import type { Session, TestApp } from '../helpers/app.js';
import { publishedItem } from './case-helpers.js';
import { PDF_BYTES, PNG_BYTES, multipartBody } from './catalogue-helpers.js';

export { PDF_BYTES, PNG_BYTES, multipartBody };

export const H = '/api/v1/hall';
export const PHONE_PATTERN = '^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$';

/** Valid identities (济南市历下区; Shandong enterprises) and a wrong check digit of each. */
export const idNumber = (body = '37010219900307123') => body + idNumberCheckChar(body);
export const uscc = (body = '91370100MA3C12345') => body + usccCheckChar(body);
export const wrongLast = (v: string, alphabet: string) => v.slice(0, -1) + [...alphabet].find((c) => c !== v.at(-1))!;

export const FORM_SCHEMA = {
  type: 'object',
  properties: {
    entName: { type: 'string', title: '单位名称', maxLength: 100 },
    phone: { type: 'string', title: '联系电话', pattern: PHONE_PATTERN },
    area: { type: 'number', title: '经营面积（平方米）', exclusiveMinimum: 0 },
    staff: { type: 'integer', title: '从业人数', minimum: 1, maximum: 1000 },
    openDate: { type: 'string', title: '开业日期', format: 'date' },
    chain: { type: 'boolean', title: '是否连锁经营' },
    kinds: { type: 'array', title: '经营项目', items: { type: 'string', enum: ['预包装食品', '散装食品', '热食类'] }, minItems: 1 },
  },
  required: ['entName', 'phone', 'area', 'kinds'],
};

export const GOOD_FORM = { entName: '测试餐饮有限公司', phone: '13800001111', area: 120.5, staff: 8, openDate: '2026-04-01', chain: false, kinds: ['热食类'] };

/** A published promised item of deptA applied for online: M01 and M02 required, M03 optional. */
export function hallItem(t: TestApp, over: Partial<ItemDataInput> = {}): Promise<string> {
  return publishedItem(t, {
    onlineDepth: 'onlinePreReview',
    formSchema: FORM_SCHEMA,
    materials: [
      { code: 'M01', name: '食品经营许可申请书' },
      { code: 'M02', name: '营业执照', form: 'copy' },
      { code: 'M03', name: '授权委托书', required: false },
    ],
    ...over,
  });
}

export function smsLog(t: TestApp): LogSmsProvider {
  return t.app.deps.sms as LogSmsProvider;
}

/** The code in the last text sent to `mobile`. */
export function lastCode(t: TestApp, mobile: string): string {
  const m = [...smsLog(t).sent].reverse().find((x) => x.to === mobile);
  return /验证码 (\d{6})/.exec(m?.text ?? '')?.[1] ?? '';
}

export function sessionOf(r: { headers: Record<string, unknown>; json(): { csrfToken: string } }): Session {
  const setCookie = r.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : String(setCookie);
  return { cookie: raw.split(';')[0], csrf: r.json().csrfToken };
}

let ipSeq = 0;
/** Registers a mobile account (code by SMS, each from its own address); its session. */
export async function registerMobile(t: TestApp, mobile: string, password = 'Hall2026pw'): Promise<Session> {
  const remoteAddress = `10.9.${Math.floor(++ipSeq / 200)}.${ipSeq % 200}`;
  const c = await t.app.inject({ method: 'POST', url: `${H}/sms-codes`, payload: { mobile, purpose: 'register' }, remoteAddress });
  expect(c.statusCode, c.body).toBe(200);
  const r = await t.app.inject({ method: 'POST', url: `${H}/register`, payload: { method: 'mobile', mobile, code: lastCode(t, mobile), password }, remoteAddress });
  expect(r.statusCode, r.body).toBe(200);
  return sessionOf(r);
}

export async function setPerson(t: TestApp, s: Session, name = '张三', id = idNumber()) {
  const version = (await t.as(s, { url: `${H}/profile` })).json().version;
  const r = await t.as(s, { method: 'PUT', url: `${H}/profile/identity`, payload: { version, kind: 'person', name, idNumber: id } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

export async function setEnterprise(t: TestApp, s: Session, name = '测试餐饮有限公司', code = uscc()) {
  const version = (await t.as(s, { url: `${H}/profile` })).json().version;
  const r = await t.as(s, { method: 'PUT', url: `${H}/profile/identity`, payload: { version, kind: 'enterprise', name, uscc: code, legalRep: '李四' } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** A registered person with their real name set. */
export async function person(t: TestApp, mobile = '13900000001', name = '张三', id = idNumber()): Promise<Session> {
  const s = await registerMobile(t, mobile);
  await setPerson(t, s, name, id);
  return s;
}

export function upload(t: TestApp, s: Session | null, url: string, name: string, bytes: Buffer, type = 'application/pdf') {
  const body = multipartBody(name, bytes, type);
  return t.as(s, { method: 'POST', url, payload: body.payload, headers: body.headers });
}

export async function newDraft(t: TestApp, s: Session, itemId: string, principalId?: string) {
  const r = await t.as(s, { method: 'POST', url: `${H}/drafts`, payload: { itemId, ...(principalId ? { principalId } : {}) } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

/** A draft with a good form and M01, M02 uploaded: id and version. */
export async function readyDraft(t: TestApp, s: Session, itemId: string, principalId?: string): Promise<{ id: string; version: number }> {
  const d = await newDraft(t, s, itemId, principalId);
  const saved = await t.as(s, { method: 'PUT', url: `${H}/drafts/${d.id}`, payload: { version: d.version, formData: GOOD_FORM } });
  expect(saved.statusCode, saved.body).toBe(200);
  for (const code of ['M01', 'M02']) {
    const u = await upload(t, s, `${H}/drafts/${d.id}/materials?materialCode=${code}`, `${code}.pdf`, PDF_BYTES);
    expect(u.statusCode, u.body).toBe(200);
  }
  return { id: d.id, version: saved.json().version };
}

/** Submits a ready draft; the applicant's case view. */
export async function submitted(t: TestApp, s: Session, itemId: string) {
  const d = await readyDraft(t, s, itemId);
  const r = await t.as(s, { method: 'POST', url: `${H}/drafts/${d.id}/submit`, payload: { version: d.version } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}
