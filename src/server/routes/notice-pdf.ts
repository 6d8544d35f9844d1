/** Sends a notice PDF to open in the browser (printing); never cached by shared caches. */
import type { FastifyReply } from 'fastify';
import type { NoticePdf } from '../services/case/notices.js';
import { contentDisposition } from './file-download.js';

export function sendNoticePdf(reply: FastifyReply, pdf: NoticePdf) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-length', String(pdf.bytes.length))
    .header('content-disposition', contentDisposition(pdf.fileName).replace(/^attachment/, 'inline'))
    .header('cache-control', 'private, no-store')
    .send(pdf.bytes);
}
