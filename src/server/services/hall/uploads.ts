/**
 * An applicant's upload (DESIGN §9): PDF, JPG or PNG judged by the file's first bytes — a renamed
 * program is refused whatever its name says — at most UPLOAD_MAX_MB (default 20), stored through
 * the file storage with its SHA-256. The blob is written first and the rows after it in one
 * transaction; when the rows fail, the blob is removed again.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { normaliseFileName, sniffFileType, type SniffedType } from '../../../domain/catalogue/file-type.js';
import { fieldError, invalid } from '../../../domain/errors.js';
import type { Database, FilesTable } from '../../db/schema.js';
import { insertFile } from '../../repositories/files.js';
import { type Ctx, inTx, nowIso } from '../context.js';

export interface ApplicantUpload {
  name: string;
  data: Buffer;
}

export const UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

export const uploadTooLarge = (maxMb: number) =>
  invalid([fieldError('file', `file：文件不能超过 ${maxMb} MB，请压缩或分页后再上传`, `file: the file must not be larger than ${maxMb} MB; compress or split it`)]);

export const uploadBroken = () =>
  invalid([fieldError('file', 'file：文件上传未完成（连接中断或格式不正确），请重新上传', 'file: the upload did not complete (connection lost or malformed); upload it again')]);

export const noFile = () => invalid([fieldError('file', 'file：请以 multipart/form-data 上传一个文件（字段名 file）', 'file: upload one file as multipart/form-data (part "file")')]);

/** The type of an upload, or 400 naming `file`: empty, too large, or not PDF / JPG / PNG by content. */
export function checkUpload(ctx: Ctx, u: ApplicantUpload): SniffedType {
  const maxMb = ctx.deps.config.uploadMaxMb;
  if (u.data.length === 0) throw invalid([fieldError('file', 'file：文件为空', 'file: the file is empty')]);
  if (u.data.length > maxMb * 1024 * 1024) throw uploadTooLarge(maxMb);
  const type = sniffFileType(u.data);
  if (!type || !UPLOAD_TYPES.includes(type.mime)) {
    throw invalid([
      fieldError('file', 'file：只接受 PDF、JPG、PNG 格式的文件（按文件内容判断，修改扩展名无效）', 'file: only PDF, JPG and PNG files are accepted (judged by content, not by the name)'),
    ]);
  }
  return type;
}

/**
 * Stores the upload and, in the same transaction as its files row, whatever `link` writes (the
 * draft's or the case's material row, the audit row). Errors: as checkUpload, and `link`'s.
 */
export async function storeUpload<T>(ctx: Ctx, u: ApplicantUpload, link: (trx: Transaction<Database>, file: FilesTable) => Promise<T>): Promise<T> {
  const type = checkUpload(ctx, u);
  const stored = await ctx.deps.files.put(u.data);
  const file: FilesTable = {
    id: randomUUID(), name: normaliseFileName(u.name, type), mime: type.mime, size: stored.size, sha256: stored.sha256,
    storage_key: stored.key, purpose: 'applicantMaterial', public: 0, created_by: ctx.actor?.userId ?? null, created_at: nowIso(ctx.deps),
  };
  try {
    return await inTx(ctx.deps, async (trx) => {
      await insertFile(trx, file);
      return link(trx, file);
    });
  } catch (e) {
    await ctx.deps.files.remove(stored.key); // no orphan blob when the rows were not written
    throw e;
  }
}
