/**
 * Every problem with an item's data, as field errors: the pure rules (domain/catalogue) plus
 * references to other rows — departments exist, are active and sit in the item's center; files
 * exist.
 */
import type { ItemData } from '../../../contracts/catalogue.js';
import { validateItemForPublish, validateItemForSave } from '../../../domain/catalogue/index.js';
import { type FieldError, fieldError } from '../../../domain/errors.js';
import { findFilesByIds } from '../../repositories/files.js';
import { findDepartmentsByIds } from '../../repositories/items.js';
import type { Executor } from '../context.js';
import { referencedFileIds } from './version-row.js';

export async function referenceProblems(db: Executor, centerId: string, data: ItemData): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const stepDepts = data.procedure.map((s) => s.departmentId).filter((d): d is string => d !== null);
  const depts = new Map((await findDepartmentsByIds(db, [data.departmentId, ...data.coDepartmentIds, ...stepDepts])).map((d) => [d.id, d]));
  const ok = (id: string) => {
    const d = depts.get(id);
    return d !== undefined && d.active === 1 && d.center_id === centerId;
  };
  if (!ok(data.departmentId)) {
    errors.push(fieldError('departmentId', '实施部门不存在、已停用或不属于本中心', 'The department does not exist, is inactive, or is not in this center'));
  }
  data.coDepartmentIds.forEach((id, i) => {
    if (!ok(id)) errors.push(fieldError(`coDepartmentIds.${i}`, '协办部门不存在、已停用或不属于本中心', 'The co-department does not exist, is inactive, or is not in this center'));
  });
  data.procedure.forEach((s, i) => {
    if (s.departmentId !== null && !ok(s.departmentId)) {
      errors.push(fieldError(`procedure.${i}.departmentId`, '办理部门不存在、已停用或不属于本中心', 'The step\'s department does not exist, is inactive, or is not in this center'));
    }
  });
  const files = new Set((await findFilesByIds(db, referencedFileIds(data))).map((f) => f.id));
  data.materials.forEach((m, i) => {
    for (const key of ['sampleFileId', 'blankFileId'] as const) {
      const id = m[key];
      if (id !== null && !files.has(id)) errors.push(fieldError(`materials.${i}.${key}`, '文件不存在，请重新上传', 'The file does not exist; upload it again'));
    }
  });
  return errors;
}

/** What a draft must satisfy to be saved. */
export async function saveProblems(db: Executor, centerId: string, data: ItemData): Promise<FieldError[]> {
  return [...validateItemForSave(data), ...(await referenceProblems(db, centerId, data))];
}

/** What a version must satisfy to be published (includes the save rules). */
export async function publishProblems(db: Executor, centerId: string, data: ItemData): Promise<FieldError[]> {
  return [...validateItemForPublish(data), ...(await referenceProblems(db, centerId, data))];
}
