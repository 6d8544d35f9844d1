/** Sends a stored file as a download; Chinese names survive through RFC 5987 `filename*`. */
import type { FastifyReply } from 'fastify';
import type { FileContent } from '../services/catalogue/files.js';

/** `attachment; filename="ascii fallback"; filename*=UTF-8''percent-encoded` */
export function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export function sendFileContent(reply: FastifyReply, f: FileContent, cache: 'public' | 'private') {
  return reply
    .header('content-type', f.info.mime)
    .header('content-length', String(f.data.length))
    .header('content-disposition', contentDisposition(f.info.name))
    .header('etag', `"${f.info.sha256}"`)
    .header('cache-control', cache === 'public' ? 'public, max-age=3600' : 'private, no-store')
    .send(f.data);
}
