/**
 * Every notice kind rendered from a case played through real transitions, read back with
 * pdftotext: title, case number, addressee (ID masked) and the wording of its kind.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RIGHTS_STATEMENT, transitionOrThrow, type CaseAction, type CaseState, type Delivery } from '../../../src/domain/case/index.js';
import { NOTICE_TITLES, renderNotice, type NoticeKind, type NoticeModel } from '../../../src/server/documents/notices/index.js';
import { act, cal, ID_NUMBER, MASKED_ID, model, pdfText, play } from './notice-fixtures.js';

const DENIAL = {
  outcome: 'denied',
  reasons: ['经现场核查，经营场所与申请材料所述布局不一致', '未配备与经营规模相适应的冷藏设施'],
  legalBasis: ['《中华人民共和国食品安全法》第三十三条', '《中华人民共和国行政许可法》第三十八条第二款'],
  rightsStatement: DEFAULT_RIGHTS_STATEMENT,
} as const;

const SUPPLEMENT = act('requestSupplement', '2026-11-26', {
  materials: [
    { code: 'M2', name: '法定代表人身份证明', problem: 'missing', note: '' },
    { code: 'M3', name: '经营场所平面布局图', problem: 'wrong', note: '未标注各功能区面积' },
    { code: 'M1', name: '食品经营许可申请书', problem: 'incomplete', note: '缺少法定代表人签字' },
  ],
  dueDate: '2026-12-03',
});

/** submit → supplement → supply → accept (容缺 + 告知承诺) → … → decide → conclude. */
function accepted(decision: Extract<CaseAction, { kind: 'decide' }>['decision']) {
  const actions: CaseAction[] = [
    act('submit', '2026-11-26', { channel: 'window' }),
    SUPPLEMENT,
    act('supply', '2026-11-30', { materials: ['M1', 'M2', 'M3'] }),
    act('accept', '2026-11-30', { deferred: { materials: [{ code: 'M4', name: '营业执照副本' }], dueDate: '2026-12-03' }, pledged: [{ code: 'M5', name: '食品安全管理制度文本' }] }),
    act('supply', '2026-12-01', { materials: ['M4'] }),
    act('startReview', '2026-12-01', {}),
    act('suspend', '2026-12-01', { procedure: 'expertReview', reason: '申请人拟采用的冷链工艺需要论证', limitDays: 10 }),
    act('resume', '2026-12-08', {}),
    act('decide', '2026-12-09', { decision }),
    act('conclude', '2026-12-09', {}),
  ];
  const states = play(actions);
  const at = (kind: CaseAction['kind']) => {
    const i = actions.findIndex((a) => a.kind === kind);
    return { state: states[i], action: actions[i] };
  };
  return { at, last: states[states.length - 1] };
}

async function render(kind: NoticeKind, state: CaseState, action: CaseAction, extra: Partial<NoticeModel> = {}) {
  const m = model(kind, state, action, extra);
  const { layout, compact } = pdfText(await renderNotice(m));
  expect(compact).toContain(NOTICE_TITLES[kind]);
  expect(compact).toContain(m.caseNo);
  expect(compact).toContain(m.noticeNo);
  expect(compact).toContain(m.applicant.name);
  expect(compact).toContain('扫码查询办理进度');
  expect(compact).toContain(`查询码：${m.verificationCode}`);
  expect(compact).toContain('（印章）');
  expect(layout).not.toContain(ID_NUMBER);
  return compact;
}

describe('case notices', () => {
  const approved = accepted({ outcome: 'approved', note: '许可经营项目：预包装食品销售（含冷藏冷冻食品）' });

  it('受理通知书: acceptance date, deadlines, received, 容缺 and 告知承诺 materials', async () => {
    const { state, action } = approved.at('accept');
    const text = await render('acceptance', state, action);
    expect(text).toContain(MASKED_ID);
    expect(text).toContain('决定自2026年11月30日起予以受理（容缺受理）');
    expect(text).toContain('承诺办结时限为5个工作日，将于2026年12月7日前办结');
    expect(text).toContain('法定办结时限为20个工作日');
    expect(text).toContain('已收取的申请材料（共3项）');
    for (const name of ['食品经营许可申请书', '法定代表人身份证明', '经营场所平面布局图', '营业执照副本', '食品安全管理制度文本']) expect(text).toContain(name);
    expect(text).toContain('请于2026年12月3日前补齐');
    expect(text).toContain('由申请人以书面承诺代替');
    expect(text).toContain('查询办理进度');
    expect(text).toContain('青岛市市南区行政服务中心（印章）2026年11月30日');
  });

  it('补正材料通知书: every line, its problem and note, the due date, 视为撤回申请', async () => {
    const states = play([act('submit', '2026-11-26', { channel: 'window' }), SUPPLEMENT]);
    const text = await render('supplement', states[1], SUPPLEMENT);
    expect(text).toContain('一次性告知');
    expect(text).toContain('1法定代表人身份证明缺少请补充提交该材料');
    expect(text).toContain('2经营场所平面布局图有误未标注各功能区面积');
    expect(text).toContain('3食品经营许可申请书不完整缺少法定代表人签字');
    expect(text).toContain('请你于2026年12月3日前');
    expect(text).toContain('逾期未补正的，视为撤回申请');
  });

  it('不予受理通知书: reason, legal basis, where to apply, 复核 and rights; enterprise addressee', async () => {
    const refuse = act('refuse', '2026-11-26', {
      reason: '申请事项依法不属于本机关职权范围',
      legalBasis: ['《中华人民共和国行政许可法》第三十二条第一款第二项'],
      redirectTo: '青岛市市南区卫生健康局',
    });
    const states = play([act('submit', '2026-11-26', { channel: 'online' }), refuse]);
    const applicant = { kind: 'enterprise' as const, name: '青岛海岸线餐饮管理有限公司', idNumber: null, uscc: '91370202MA3C4XYZ1K', phone: '0532-88886666' };
    const text = await render('refusal', states[1], refuse, { applicant });
    expect(text).toContain('青岛海岸线餐饮管理有限公司（统一社会信用代码：91370202MA3C4XYZ1K）：');
    expect(text).toContain('你单位');
    expect(text).toContain('申请事项依法不属于本机关职权范围');
    expect(text).toContain('《中华人民共和国行政许可法》第三十二条第一款第二项');
    expect(text).toContain('建议你单位向青岛市市南区卫生健康局申请');
    expect(text).toContain('向青岛市市南区行政服务中心申请复核');
    expect(text).toContain('行政复议');
    expect(text).toContain('行政诉讼');
  });

  it('特别程序告知书: procedure in Chinese, reason, own limit, time not counted; signed by the department', async () => {
    const { state, action } = approved.at('suspend');
    const text = await render('specialProcedure', state, action);
    expect(text).toContain('因申请人拟采用的冷链工艺需要论证，依法需要进行专家评审');
    expect(text).toContain('专家评审预计所需时间为10个工作日');
    expect(text).toContain('所需时间不计算在办理期限内');
    expect(text).toContain('青岛市市南区市场监督管理局（印章）2026年12月1日');
  });

  it('准予许可决定书: 准予行政许可, the note and the decided date', async () => {
    const { state, action } = approved.at('decide');
    const text = await render('approval', state, action);
    expect(text).toContain('本机关于2026年12月9日决定准予行政许可');
    expect(text).toContain('许可经营项目：预包装食品销售（含冷藏冷冻食品）');
    expect(text).toContain('本机关于2026年11月30日依法受理');
  });

  it('不予许可决定书: reasons, legal basis and the rights statement of the decision', async () => {
    const denied = accepted(DENIAL);
    const { state, action } = denied.at('decide');
    const text = await render('denial', state, action);
    for (const s of [...DENIAL.reasons, ...DENIAL.legalBasis]) expect(text).toContain(s);
    expect(text).toContain('决定不予行政许可');
    expect(text).toContain(DEFAULT_RIGHTS_STATEMENT);
  });

  const deliveries: [Delivery, string[]][] = [
    [{ method: 'window', receiver: { name: '李四', idType: 'idCard', idNumber: '370203198805054322' } }, ['直接送达（窗口领取）', '李四（身份证号码：3702**********4322）', '签收人签名：']],
    [{ method: 'mail', carrier: '中国邮政EMS', trackingNo: '1180123456789' }, ['邮寄送达', '中国邮政EMS', '1180123456789']],
    [{ method: 'electronic', address: 'zhangsan@example.com' }, ['电子送达', 'zhangsan@example.com']],
  ];
  it.each(deliveries)('送达回证 by %o: documents, method, date and signature boxes', async (delivery, expected) => {
    const deliver = act('deliver', '2026-12-10', { delivery });
    const text = await render('deliveryReceipt', transitionOrThrow(approved.last, deliver, { cal }), deliver);
    expect(text).toContain('送达文书名称及文号准予许可决定书');
    expect(text).toContain('送达日期2026年12月10日');
    expect(text).toContain('送达人签名：');
    for (const s of expected) expect(text).toContain(s);
    if (delivery.method === 'window') expect(text).not.toContain(delivery.receiver.idNumber);
  });
});
