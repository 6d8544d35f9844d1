/**
 * ItemData ⇄ the portable form of export files: departments by code instead of id, files by
 * content hash instead of id — so a catalogue moves between installations.
 */
import { ItemData } from '../../../contracts/catalogue.js';
import type { PortableItemData } from '../../../contracts/catalogue-api.js';
import { type FieldError, fieldError } from '../../../domain/errors.js';

export function toPortable(
  data: ItemData,
  deptCode: (id: string) => string,
  fileSha: (id: string | null) => string | null,
): PortableItemData {
  const { departmentId, coDepartmentIds, materials, procedure, ...rest } = data;
  return {
    ...rest,
    departmentCode: deptCode(departmentId),
    coDepartmentCodes: coDepartmentIds.map(deptCode),
    materials: materials.map(({ sampleFileId, blankFileId, ...m }) => ({
      ...m,
      sampleFileSha256: fileSha(sampleFileId),
      blankFileSha256: fileSha(blankFileId),
    })),
    procedure: procedure.map(({ departmentId: d, ...s }) => ({ ...s, departmentCode: d === null ? null : deptCode(d) })),
  };
}

export interface PortableLookups {
  /** department id by code, only active departments of the target center */
  departmentId(code: string): string | undefined;
  /** file id by hash (or a placeholder while validating), undefined when unknown */
  fileId(sha256: string): string | undefined;
}

/**
 * The ItemData a portable row stands for, or the problems (fields relative to the row's `data`,
 * in portable names: `departmentCode`, `procedure.2.departmentCode`, `materials.0.sampleFileSha256`).
 */
export function fromPortable(p: PortableItemData, look: PortableLookups): { data?: ItemData; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const dept = (code: string, field: string): string => {
    const id = look.departmentId(code);
    if (!id) errors.push(fieldError(field, `部门编码“${code}”在本中心不存在或已停用`, `No active department with code "${code}" in this center`));
    return id ?? '';
  };
  const file = (sha: string | null, field: string): string | null => {
    if (sha === null) return null;
    const id = look.fileId(sha);
    if (!id) errors.push(fieldError(field, '引用的文件既不在导入文件中，也不在本系统中', 'The referenced file is neither in the import nor in this system'));
    return id ?? null;
  };
  const { departmentCode, coDepartmentCodes, materials, procedure, ...rest } = p;
  const candidate = {
    ...rest,
    departmentId: dept(departmentCode, 'departmentCode'),
    coDepartmentIds: coDepartmentCodes.map((c, i) => dept(c, `coDepartmentCodes.${i}`)),
    materials: materials.map(({ sampleFileSha256, blankFileSha256, ...m }, i) => ({
      ...m,
      sampleFileId: file(sampleFileSha256, `materials.${i}.sampleFileSha256`),
      blankFileId: file(blankFileSha256, `materials.${i}.blankFileSha256`),
    })),
    procedure: procedure.map(({ departmentCode: c, ...s }, i) => ({
      ...s,
      departmentId: c === null ? null : dept(c, `procedure.${i}.departmentCode`),
    })),
  };
  if (errors.length) return { errors };
  return { data: ItemData.parse(candidate), errors };
}

/** An ItemData field path in portable names (for rule problems found after the mapping). */
export function portablePath(field: string): string {
  return field
    .replace(/^departmentId$/, 'departmentCode')
    .replace(/^coDepartmentIds(?=\.|$)/, 'coDepartmentCodes')
    .replace(/^(procedure\.\d+\.)departmentId$/, '$1departmentCode')
    .replace(/^(materials\.\d+\.)(sample|blank)FileId$/, '$1$2FileSha256');
}
