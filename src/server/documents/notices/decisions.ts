/**
 * 准予许可决定书 and 不予许可决定书 (行政许可法 Art. 38). The decision is the case's own, or the
 * higher authority's answer recorded on a forwarded case.
 */
import { DEFAULT_RIGHTS_STATEMENT } from '../../../domain/case/index.js';
import type { Pdf } from '../pdf.js';
import { numbered, paragraph } from './layout.js';
import { applied, formatDate, missing, type NoticeModel } from './model.js';

type Approval = { note: string; on: string; reference: string | null };
type Denial = { reasons: readonly string[]; legalBasis: readonly string[]; rightsStatement: string; on: string; reference: string | null };

function approval(m: NoticeModel): Approval | null {
  const d = m.state.decision;
  if (d?.outcome === 'approved') return { note: d.note, on: d.on, reference: null };
  const answer = m.state.forward?.answer;
  if (d?.outcome === 'forwarded' && answer?.result === 'approved') return { note: answer.note, on: answer.on, reference: answer.reference };
  return null;
}

function denial(m: NoticeModel): Denial | null {
  const d = m.state.decision;
  if (d?.outcome === 'denied') return { reasons: d.reasons, legalBasis: d.legalBasis, rightsStatement: d.rightsStatement, on: d.on, reference: null };
  const answer = m.state.forward?.answer;
  if (d?.outcome === 'forwarded' && answer?.result === 'denied') {
    return { reasons: answer.note ? [answer.note] : [], legalBasis: [], rightsStatement: DEFAULT_RIGHTS_STATEMENT, on: answer.on, reference: answer.reference };
  }
  return null;
}

function accepted(m: NoticeModel): string {
  return m.state.acceptedOn ? `，本机关于${formatDate(m.state.acceptedOn)}依法受理` : '';
}

export function drawApproval(doc: Pdf, m: NoticeModel): void {
  const d = approval(m);
  if (!d) throw missing(m.kind, 'the case was not approved');
  const upper = d.reference ? `，并经上级机关批复（${d.reference}）` : '';
  paragraph(doc, `${applied(m)}${accepted(m)}。`);
  paragraph(doc, `经审查${upper}，该申请符合法定条件、标准。根据《中华人民共和国行政许可法》第三十八条第一款的规定，本机关于${formatDate(d.on)}决定准予行政许可。`);
  paragraph(doc, `许可事项：${m.item.name}（事项编码：${m.item.code}）。`);
  if (d.note.trim()) paragraph(doc, `说明：${d.note.trim()}`);
  paragraph(doc, '被许可人应当按照本决定的范围、条件和期限从事被许可的活动，并接受监督检查。');
  paragraph(doc, '特此决定。');
}

export function drawDenial(doc: Pdf, m: NoticeModel): void {
  const d = denial(m);
  if (!d) throw missing(m.kind, 'the case was not denied');
  const upper = d.reference ? `，并经上级机关批复（${d.reference}）` : '';
  paragraph(doc, `${applied(m)}${accepted(m)}。`);
  paragraph(doc, `经审查${upper}，该申请不符合法定条件、标准，理由如下：`);
  numbered(doc, d.reasons.length ? d.reasons : ['不符合法定条件、标准']);
  if (d.legalBasis.length) {
    paragraph(doc, '依据：');
    numbered(doc, d.legalBasis);
  }
  paragraph(doc, `根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关于${formatDate(d.on)}决定不予行政许可。`);
  paragraph(doc, d.rightsStatement || DEFAULT_RIGHTS_STATEMENT);
  paragraph(doc, '特此决定。');
}

/** Which decision notice the case has: the one a 送达回证 delivers by default. */
export function decisionKind(m: NoticeModel): 'approval' | 'denial' | null {
  return approval(m) ? 'approval' : denial(m) ? 'denial' : null;
}
