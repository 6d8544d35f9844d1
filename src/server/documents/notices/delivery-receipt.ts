/** 送达回证: what was delivered, how, when, and the boxes the two sides sign. */
import type { Delivery } from '../../../domain/case/index.js';
import { maskIdNumber } from '../../../domain/identity/index.js';
import type { Pdf } from '../pdf.js';
import { decisionKind } from './decisions.js';
import { paragraph, table, type Row } from './layout.js';
import { addressee, formatDate, missing, NOTICE_TITLES, type NoticeModel } from './model.js';

const METHOD_NAMES: Record<Delivery['method'], string> = {
  window: '直接送达（窗口领取）',
  mail: '邮寄送达',
  electronic: '电子送达',
};

const NOTES: Record<Delivery['method'], string> = {
  window: '受送达人或其委托的签收人在本回证上签名，签收日期为送达日期。',
  mail: '邮寄送达的，以邮件签收日期为送达日期；本回证与邮件签收凭据一并归档。',
  electronic: '电子送达的，以送达信息到达受送达人特定系统的日期为送达日期。',
};

const SIGN_LINE = '                              年      月      日';

function where(m: NoticeModel, d: Delivery): Row[] {
  switch (d.method) {
    case 'window': {
      const id = `${d.receiver.idType === 'idCard' ? '身份证号码' : '证件号码'}：${maskIdNumber(d.receiver.idNumber)}`;
      return [
        { cells: ['送达地点', `${m.centerName}窗口`], label: true },
        { cells: ['签收人', `${d.receiver.name}（${id}）`], label: true },
      ];
    }
    case 'mail':
      return [
        { cells: ['邮寄单位', d.carrier], label: true },
        { cells: ['邮件运单号', d.trackingNo], label: true },
      ];
    case 'electronic':
      return [{ cells: ['送达地址', d.address], label: true }];
  }
}

export function drawDeliveryReceipt(doc: Pdf, m: NoticeModel): void {
  const { action, state } = m;
  const delivery = action.kind === 'deliver' ? { ...action.delivery, on: action.date } : state.delivery;
  if (!delivery) throw missing(m.kind, 'the case was not delivered');
  const kind = decisionKind(m);
  const documents = m.deliveredDocuments ?? (kind ? [{ title: NOTICE_TITLES[kind], noticeNo: null }] : []);
  if (documents.length === 0) throw missing(m.kind, 'nothing to deliver');

  paragraph(doc, `${m.departmentName}就“${m.item.name}”（办件编号：${m.caseNo}）作出的下列文书，已按下表所列方式送达：`);
  const signer = delivery.method === 'window' ? `签收人签名：\n\n${SIGN_LINE}` : `受送达人签名（盖章）：\n\n${SIGN_LINE}`;
  table(doc, [{ title: '项目', share: 3 }, { title: '内容', share: 9 }], [
    { cells: ['送达文书名称及文号', documents.map((x) => (x.noticeNo ? `${x.title}（${x.noticeNo}）` : x.title)).join('\n')], label: true },
    { cells: ['受送达人', addressee(m.applicant)], label: true },
    { cells: ['送达方式', METHOD_NAMES[delivery.method]], label: true },
    ...where(m, delivery),
    { cells: ['送达日期', formatDate(delivery.on)], label: true },
    { cells: ['受送达人签收', signer], label: true, minHeight: 64 },
    { cells: ['送达人', `送达人签名：\n\n${SIGN_LINE}`], label: true, minHeight: 64 },
    { cells: ['备注', NOTES[delivery.method]], label: true },
  ], { header: false });
}
