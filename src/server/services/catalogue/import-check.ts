/**
 * The first pass of an import: every row and every embedded file checked, nothing written.
 * Rows marked published, suspended or retired must pass the publish rules (each was published).
 */
import { createHash } from 'node:crypto';
import { CatalogueRow, type ImportRowReport, type PortableFile, type PortableItemData } from '../../../contracts/catalogue-api.js';
import type { ItemData, ItemStatus } from '../../../contracts/catalogue.js';
import { validateItemForPublish, validateItemForSave } from '../../../domain/catalogue/index.js';
import { MAX_FILE_BYTES, type SniffedType, sniffFileType } from '../../../domain/catalogue/file-type.js';
import { AppError, type FieldError, fieldError } from '../../../domain/errors.js';
import { fieldErrorsFromIssues } from '../../plugins/zod-messages.js';
import { fromPortable, type PortableLookups, portablePath } from './portable.js';

/** The import was refused: nothing written. `report` groups the problems by row. */
export class ImportRejectedError extends AppError {
  constructor(
    readonly report: ImportRowReport[],
    fileProblems: FieldError[],
  ) {
    const fields = [
      ...report.flatMap((r) => r.errors.map((e) => ({ ...e, field: `items.${r.index}.${e.field}` }))),
      ...fileProblems,
    ];
    super(
      'unprocessable',
      `导入被拒绝：${report.length} 行有误${fileProblems.length ? `，${fileProblems.length} 个文件有误` : ''}，未写入任何数据`,
      `Import refused: ${report.length} row(s)${fileProblems.length ? ` and ${fileProblems.length} file(s)` : ''} have problems; nothing was written`,
      fields,
    );
  }
}

export interface CheckedRow {
  index: number;
  code: string;
  status: ItemStatus;
  portable: PortableItemData;
}

export interface DecodedFile {
  file: PortableFile;
  data: Buffer;
  type: SniffedType;
}

/** Embedded files: content must match its hash and be an allowed type. */
export function checkFiles(files: PortableFile[]): { decoded: Map<string, DecodedFile>; problems: FieldError[] } {
  const decoded = new Map<string, DecodedFile>();
  const problems: FieldError[] = [];
  files.forEach((f, i) => {
    const data = Buffer.from(f.contentBase64, 'base64');
    const type = sniffFileType(data);
    if (createHash('sha256').update(data).digest('hex') !== f.sha256) {
      problems.push(fieldError(`files.${i}.contentBase64`, '文件内容与 sha256 不符', 'The content does not match its sha256'));
    } else if (data.length > MAX_FILE_BYTES || !type) {
      problems.push(fieldError(`files.${i}.contentBase64`, '文件过大或类型不被接受', 'The file is too large or of a type not accepted'));
    } else decoded.set(f.sha256, { file: f, data, type });
  });
  return { decoded, problems };
}

function checkRow(raw: unknown, index: number, seen: Map<string, number>, look: PortableLookups): { row?: CheckedRow; report?: ImportRowReport } {
  const parsed = CatalogueRow.safeParse(raw);
  const rawCode = typeof (raw as { code?: unknown })?.code === 'string' ? (raw as { code: string }).code : null;
  if (!parsed.success) return { report: { index, code: rawCode, errors: fieldErrorsFromIssues(parsed.error.issues as never) } };
  const r = parsed.data;
  const errors: FieldError[] = [];
  const prior = seen.get(r.code);
  if (prior !== undefined) errors.push(fieldError('code', `事项编码与第 ${prior} 行重复`, `Item code duplicates row ${prior}`));
  else seen.set(r.code, index);
  if (r.data.code !== r.code) errors.push(fieldError('data.code', '与行的 code 不一致', 'Differs from the row\'s code'));
  const mapped = fromPortable(r.data, look);
  errors.push(...mapped.errors.map((e) => ({ ...e, field: `data.${e.field}` })));
  if (mapped.data) {
    const rules = r.status === 'draft' ? validateItemForSave(mapped.data) : validateItemForPublish(mapped.data);
    errors.push(...rules.map((e) => ({ ...e, field: `data.${portablePath(e.field)}` })));
  }
  if (errors.length) return { report: { index, code: r.code, errors } };
  return { row: { index, code: r.code, status: r.status, portable: r.data } };
}

/** All rows checked; throws ImportRejectedError listing every bad row (and bad file). */
export function checkImportRows(items: unknown[], look: PortableLookups, fileProblems: FieldError[]): CheckedRow[] {
  const seen = new Map<string, number>();
  const rows: CheckedRow[] = [];
  const report: ImportRowReport[] = [];
  items.forEach((raw, i) => {
    const r = checkRow(raw, i, seen, look);
    if (r.row) rows.push(r.row);
    if (r.report) report.push(r.report);
  });
  if (report.length || fileProblems.length) throw new ImportRejectedError(report, fileProblems);
  return rows;
}

/** The row's ItemData with real ids (second pass, lookups now resolve to stored files). */
export function resolveRow(row: CheckedRow, look: PortableLookups): ItemData {
  const { data } = fromPortable(row.portable, look);
  if (!data) throw new Error(`import row ${row.index} no longer resolves`);
  return data;
}
