import { ItemData, type ItemDataInput } from '../../../src/contracts/catalogue.js';

export const DEPT = 'dept-lead';
export const CO = 'dept-co';

/** A promised licensing item that passes every publish rule. */
export function item(over: Partial<ItemDataInput> = {}): ItemData {
  return ItemData.parse({
    code: 'SCJG-XK-0001',
    name: '食品经营许可',
    departmentId: DEPT,
    level: 'city',
    itemType: 'licensing',
    legalBasis: [{ law: '《食品安全法》' }],
    materials: [{ code: 'M01', name: '申请书' }, { code: 'M02', name: '营业执照' }],
    procedure: [
      { name: '受理', kind: 'accept', role: 'clerk', limitDays: 0 },
      { name: '审查', kind: 'review', role: 'reviewer', limitDays: 5 },
      { name: '决定', kind: 'decide', role: 'deptLeader', limitDays: 3 },
    ],
    handlingClass: 'promised',
    statutoryLimit: 20,
    promisedLimit: 10,
    onlineDepth: 'onlinePreReview',
    maxVisits: 1,
    ...over,
  });
}
