/**
 * Window kinds (DESIGN §2): a dedicated window (部门专窗) serves exactly one department; a
 * comprehensive window (综合受理窗口, 一窗受理) serves two or more; an appointment window (预约窗口)
 * is shared by two or more departments on a duty roster of one department per working day.
 */
import { type FieldError, fieldError } from '../errors.js';

export const WINDOW_KINDS = ['dedicated', 'comprehensive', 'appointment'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];
export const WEEKDAYS = [1, 2, 3, 4, 5] as const; // Monday … Friday

export interface RosterEntry {
  weekday: number;
  departmentId: string;
}

export interface WindowShape {
  kind: WindowKind;
  departmentId: string | null;
  servedDepartmentIds: string[];
  roster: RosterEntry[];
}

export interface WindowDepartmentFact {
  centerId: string;
  active: boolean;
}

/**
 * Checks the kind rules and that every department named is an active department of the
 * window's center. Returns the shape to store: a dedicated window's served list is its one
 * department; the served list has no repeats.
 */
export function checkWindowShape(
  w: WindowShape,
  centerId: string,
  departments: ReadonlyMap<string, WindowDepartmentFact>,
): { errors: FieldError[]; shape: WindowShape } {
  const errors: FieldError[] = [];
  const served = [...new Set(w.servedDepartmentIds)];
  if (served.length !== w.servedDepartmentIds.length) {
    errors.push(fieldError('servedDepartmentIds', '服务部门有重复', 'A served department appears twice'));
  }
  const checkDept = (id: string, field: string) => {
    const d = departments.get(id);
    if (!d) errors.push(fieldError(field, '部门不存在', 'No such department'));
    else if (d.centerId !== centerId) errors.push(fieldError(field, '部门不属于该窗口所在中心', "The department is not in the window's center"));
    else if (!d.active) errors.push(fieldError(field, '部门已停用', 'The department is deactivated'));
  };

  if (w.kind === 'dedicated') {
    if (!w.departmentId) {
      errors.push(fieldError('departmentId', '部门专窗须指定一个部门', 'A dedicated window needs its department'));
    } else {
      checkDept(w.departmentId, 'departmentId');
      if (served.some((d) => d !== w.departmentId)) {
        errors.push(fieldError('servedDepartmentIds', '部门专窗只服务其所属部门', 'A dedicated window serves only its own department'));
      }
    }
    if (w.roster.length > 0) errors.push(fieldError('roster', '只有预约窗口有值班表', 'Only an appointment window has a duty roster'));
    return { errors, shape: { kind: w.kind, departmentId: w.departmentId, servedDepartmentIds: w.departmentId ? [w.departmentId] : [], roster: [] } };
  }

  if (w.departmentId) {
    errors.push(fieldError('departmentId', '只有部门专窗指定所属部门', 'Only a dedicated window has a department of its own'));
  }
  if (served.length < 2) {
    errors.push(
      fieldError('servedDepartmentIds', '综合窗口和预约窗口须服务至少两个部门', 'A comprehensive or appointment window serves at least two departments'),
    );
  }
  served.forEach((id) => checkDept(id, `servedDepartmentIds.${w.servedDepartmentIds.indexOf(id)}`));

  if (w.kind === 'comprehensive') {
    if (w.roster.length > 0) errors.push(fieldError('roster', '只有预约窗口有值班表', 'Only an appointment window has a duty roster'));
    return { errors, shape: { kind: w.kind, departmentId: null, servedDepartmentIds: served, roster: [] } };
  }

  errors.push(...checkRoster(w.roster, served));
  const roster = [...w.roster].sort((a, b) => a.weekday - b.weekday);
  return { errors, shape: { kind: w.kind, departmentId: null, servedDepartmentIds: served, roster } };
}

/** One department on duty for each working day Monday–Friday, each one of the served departments. */
export function checkRoster(roster: RosterEntry[], served: string[]): FieldError[] {
  const errors: FieldError[] = [];
  const days = new Set<number>();
  roster.forEach((r, i) => {
    if (!(WEEKDAYS as readonly number[]).includes(r.weekday)) {
      errors.push(fieldError(`roster.${i}.weekday`, '值班日须为周一至周五（1–5）', 'The duty day must be Monday to Friday (1–5)'));
    } else if (days.has(r.weekday)) {
      errors.push(fieldError(`roster.${i}.weekday`, `周${r.weekday}已安排值班部门`, `Weekday ${r.weekday} already has a department on duty`));
    }
    days.add(r.weekday);
    if (!served.includes(r.departmentId)) {
      errors.push(fieldError(`roster.${i}.departmentId`, '值班部门须是该窗口服务的部门', 'The department on duty must be one the window serves'));
    }
  });
  const missing = WEEKDAYS.filter((d) => !days.has(d));
  if (missing.length > 0) {
    errors.push(
      fieldError('roster', `值班表须覆盖周一至周五，缺少：周${missing.join('、周')}`, `The roster must cover Monday to Friday; missing weekday ${missing.join(', ')}`),
    );
  }
  return errors;
}
