/**
 * Notices (文书) of a case rendered to PDF (DESIGN §4 "Notices"): a pure function of the model,
 * so a reprint of the same model gives the same text.
 */
import { renderPdf, type Pdf } from '../pdf.js';
import { drawAcceptance } from './acceptance.js';
import { drawDeferredPledge, drawPledge } from './commitments.js';
import { drawApproval, drawDenial } from './decisions.js';
import { drawDeliveryReceipt } from './delivery-receipt.js';
import { closing, footers, titleBlock } from './layout.js';
import { NOTICE_TITLES, type NoticeKind, type NoticeModel } from './model.js';
import { drawRefusal } from './refusal.js';
import { drawSpecialProcedure } from './special-procedure.js';
import { drawSupplement } from './supplement.js';

export { NOTICE_TITLES, PROBLEM_LABELS, PROCEDURE_NAMES, formatDate, type NoticeKind, type NoticeModel } from './model.js';
export { qrRects, type QrRect } from './qr.js';

const DRAW: Record<NoticeKind, (doc: Pdf, m: NoticeModel) => void> = {
  acceptance: drawAcceptance,
  supplement: drawSupplement,
  refusal: drawRefusal,
  specialProcedure: drawSpecialProcedure,
  approval: drawApproval,
  denial: drawDenial,
  deliveryReceipt: drawDeliveryReceipt,
  deferredPledge: drawDeferredPledge,
  pledge: drawPledge,
};

/**
 * Who signs: the department decides (and runs special procedures); the center's window
 * accepts, asks for materials, refuses and delivers on its behalf.
 */
const ISSUED_BY_DEPARTMENT: ReadonlySet<NoticeKind> = new Set(['specialProcedure', 'approval', 'denial']);

/** The notice as PDF bytes. Rejects when the model lacks what its kind needs (e.g. no decision). */
export function renderNotice(m: NoticeModel): Promise<Buffer> {
  return renderPdf({ title: NOTICE_TITLES[m.kind], subject: `${m.caseNo} ${m.item.name}`, bufferPages: true }, (doc) => {
    titleBlock(doc, m, { addressee: m.kind !== 'deliveryReceipt' });
    DRAW[m.kind](doc, m);
    closing(doc, m, ISSUED_BY_DEPARTMENT.has(m.kind) ? m.departmentName : m.centerName);
    footers(doc, m);
  });
}
