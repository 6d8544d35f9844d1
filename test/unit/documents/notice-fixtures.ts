/**
 * Notice test fixtures: a case played through real transitions on a weekends-only calendar, a
 * model of any kind at any point of it, and pdftotext/pdfinfo wrappers.
 */
import { inflateSync } from 'node:zlib';
import { buildCalendar } from '../../../src/domain/calendar/index.js';
import { initialCase, transitionOrThrow, type ActionOf, type CaseAction, type CaseActionKind, type CaseItem, type CaseState } from '../../../src/domain/case/index.js';
export { pdfPages, pdfText } from '../../helpers/pdf.js';
import type { NoticeKind, NoticeModel } from '../../../src/server/documents/notices/index.js';

export const cal = buildCalendar({ officialYears: [2026], official: {}, overrides: {} });
export const ITEM: CaseItem = { handlingClass: 'promised', promisedLimit: 5, statutoryLimit: 20, specialProcedures: ['expertReview', 'hearing'] };
export const ID_NUMBER = '370702199001011234';
export const MASKED_ID = '3707**********1234';
export const PROGRESS_URL = 'https://zwfw.example.gov.cn/public/progress/370702261126000011?code=K7M2Q9XA';

type Payload<K extends CaseActionKind> = Omit<ActionOf<K>, 'kind' | 'at' | 'date' | 'actorId' | 'role'>;
export function act<K extends CaseActionKind>(kind: K, date: string, p: Payload<K>): ActionOf<K> {
  return { kind, at: `${date}T02:00:00Z`, date, actorId: 'u-1', role: kind === 'supply' ? 'applicant' : 'clerk', ...p } as ActionOf<K>;
}

/** Folds the actions through `transition` (each must be allowed); returns the state after each. */
export function play(actions: CaseAction[]): CaseState[] {
  const states: CaseState[] = [];
  let s = initialCase(ITEM);
  for (const a of actions) states.push((s = transitionOrThrow(s, a, { cal })));
  return states;
}

export const MATERIALS = [
  { code: 'M1', name: '食品经营许可申请书' },
  { code: 'M2', name: '法定代表人身份证明' },
  { code: 'M3', name: '经营场所平面布局图' },
  { code: 'M4', name: '营业执照副本' },
  { code: 'M5', name: '食品安全管理制度文本' },
];

export function model(kind: NoticeKind, state: CaseState, action: CaseAction, extra: Partial<NoticeModel> = {}): NoticeModel {
  return {
    kind,
    noticeNo: `${kind === 'acceptance' ? '受理' : '文书'}〔2026〕370702261126000011`,
    issuedOn: action.date,
    centerName: '青岛市市南区行政服务中心',
    departmentName: '青岛市市南区市场监督管理局',
    caseNo: '370702261126000011',
    verificationCode: 'K7M2Q9XA',
    progressUrl: PROGRESS_URL,
    item: { code: '370702-SC-0101', name: '食品经营许可（新办）', promisedLimit: ITEM.promisedLimit, statutoryLimit: ITEM.statutoryLimit },
    materials: MATERIALS,
    applicant: { kind: 'person', name: '张三', idNumber: ID_NUMBER, uscc: null, phone: '13800005678' },
    state,
    action,
    ...extra,
  };
}

/** The page content streams, inflated (pdfkit compresses them; fonts are skipped). */
export function contentStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  const bytes = pdf.toString('latin1');
  const re = /(?<!end)stream\r?\n/g;
  for (let m = re.exec(bytes); m; m = re.exec(bytes)) {
    const start = m.index + m[0].length;
    const end = bytes.indexOf('endstream', start);
    if (end < 0) break;
    try {
      const text = inflateSync(pdf.subarray(start, end)).toString('latin1');
      if (text.startsWith('1 0 0 -1 0 ')) out.push(text);
    } catch {
      // not a Flate stream
    }
    re.lastIndex = end;
  }
  return out;
}
