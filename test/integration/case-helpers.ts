/** Shared by the case integration tests: published items, valid applicants, short API calls. */
import { expect } from 'vitest';
import type { ItemDataInput } from '../../src/contracts/catalogue.js';
import { idNumberCheckChar, usccCheckChar } from '../../src/domain/identity/index.js';
import { createPublishedItem } from '../../src/server/services/catalogue/index.js';
import { systemCtx } from '../../src/server/services/context.js';
import { createStaffUser } from '../../src/server/services/organisation/index.js';
import type { Session, TestApp } from '../helpers/app.js';
import { sampleItem } from './catalogue-helpers.js';

/** A valid citizen ID number (济南市历下区, born 1990-03-07) and a valid enterprise code. */
export const ID_NUMBER = '37010219900307123' + idNumberCheckChar('37010219900307123');
export const USCC = '91370100MA3C12345' + usccCheckChar('91370100MA3C12345');
export const PHONE = '13812345678';

/** A published promised item of deptA (10 / 20 working days, materials M01 and M02); its id. */
export async function publishedItem(t: TestApp, over: Partial<ItemDataInput> = {}): Promise<string> {
  return (await createPublishedItem(systemCtx(t.app.deps), sampleItem(t, over))).item.id;
}

/** An immediate item of deptA (即办件, decided on the spot). */
export function immediateItem(t: TestApp): Promise<string> {
  return publishedItem(t, {
    code: 'SCJG-JB-0001',
    name: '食品经营许可证遗失补办',
    handlingClass: 'immediate',
    promisedLimit: 0,
    statutoryLimit: 20,
    procedure: [{ name: '受理并办结', kind: 'accept', role: 'clerk', limitDays: 0 }],
  });
}

/** Another account holding `role` in `departmentId` of the city; signed in. */
export async function staffSession(t: TestApp, username: string, role: 'clerk' | 'chiefRep', departmentId: string): Promise<Session> {
  await createStaffUser(systemCtx(t.app.deps), {
    username,
    displayName: username,
    password: 'Case2026pw!',
    grants: [{ role, centerId: t.org.cityId, departmentId }],
  });
  return t.login(username, 'Case2026pw!');
}

export const person = (over: Record<string, unknown> = {}) => ({ kind: 'person', name: '张三', idNumber: ID_NUMBER, phone: PHONE, ...over });

export function intakeReq(t: TestApp, s: Session, itemId: string, applicant: object = person()) {
  return t.as(s, { method: 'POST', url: '/api/v1/cases', payload: { itemId, applicant } });
}

/** Takes a case in; the case view. */
export async function intake(t: TestApp, s: Session, itemId: string, applicant: object = person()) {
  const r = await intakeReq(t, s, itemId, applicant);
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

export function move(t: TestApp, s: Session, id: string, action: string, payload: object) {
  return t.as(s, { method: 'POST', url: `/api/v1/cases/${id}/${action}`, payload });
}
