/**
 * Form models and client-side rules of the organisation pages (the server checks everything again;
 * its field errors are shown through useFormErrors). Rules are functions of `t` so they follow
 * the language.
 */
import type { FormItemRule } from 'element-plus';
import { DEPARTMENT_ROLES } from '@shared/domain/organisation/grants';
import { PHONE_RE } from '@shared/domain/organisation/phone';
import type { GrantRole } from '@/api/organisation';

type T = (key: string) => string;
export type Rules = Record<string, FormItemRule[]>;

/** The server's password policy (≥ 8 characters, letters and digits). */
export const PASSWORD_RE = /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/;
const EMAIL_RE = /^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Roles whose grant names a department (clerk, chiefRep, reviewer, deptLeader). */
export function needsDepartment(role: GrantRole | '' | null | undefined): boolean {
  return !!role && (DEPARTMENT_ROLES as readonly string[]).includes(role);
}

const required = (message: string, trigger: 'blur' | 'change' = 'blur'): FormItemRule => ({ required: true, whitespace: true, message, trigger });
const phoneRule = (t: T): FormItemRule => ({ pattern: PHONE_RE, message: t('organisation.common.invalidPhone'), trigger: 'blur' });

export interface CenterForm {
  parentId: string | null;
  name: string;
  kind: string;
  areaCode: string;
  address: string;
  phone: string;
  timeZone: string;
}

export function centerRules(t: T): Rules {
  return {
    name: [required(t('organisation.common.nameRequired'))],
    kind: [required(t('organisation.centers.kindRequired'), 'change')],
    areaCode: [
      required(t('organisation.centers.areaCodeInvalid')),
      { pattern: /^\d{6}$/, message: t('organisation.centers.areaCodeInvalid'), trigger: 'blur' },
    ],
    phone: [phoneRule(t)],
  };
}

export interface DepartmentForm {
  centerId: string;
  code: string;
  name: string;
  shortName: string;
  liaisonName: string;
  liaisonPhone: string;
  leaderName: string;
  leaderPhone: string;
  sort: number;
}

/** The department dialog's text fields after the code, in order: label `organisation.departments.<key>`, test id `department-<testid>`. */
export const DEPARTMENT_TEXT_FIELDS = [
  { key: 'name', max: 100, testid: 'name' },
  { key: 'shortName', max: 50, testid: 'short-name' },
  { key: 'liaisonName', max: 50, testid: 'liaison-name' },
  { key: 'liaisonPhone', max: 32, testid: 'liaison-phone' },
  { key: 'leaderName', max: 50, testid: 'leader-name' },
  { key: 'leaderPhone', max: 32, testid: 'leader-phone' },
] as const satisfies readonly { key: keyof DepartmentForm; max: number; testid: string }[];

export function emptyDepartment(centerId = ''): DepartmentForm {
  return { centerId, code: '', name: '', shortName: '', liaisonName: '', liaisonPhone: '', leaderName: '', leaderPhone: '', sort: 0 };
}

export function departmentRules(t: T): Rules {
  return {
    centerId: [required(t('organisation.common.centerRequired'), 'change')],
    code: [
      required(t('organisation.common.codeRequired')),
      { pattern: /^[A-Za-z0-9_-]+$/, message: t('organisation.departments.codeInvalid'), trigger: 'blur' },
    ],
    name: [required(t('organisation.common.nameRequired'))],
    liaisonPhone: [phoneRule(t)],
    leaderPhone: [phoneRule(t)],
  };
}

export interface WindowForm {
  centerId: string;
  code: string;
  name: string;
  kind: 'dedicated' | 'comprehensive' | 'appointment';
  departmentId: string | null;
  servedDepartmentIds: string[];
  /** index 0 = Monday … 4 = Friday; '' = not chosen yet */
  roster: string[];
  location: string;
}

export const WEEKDAYS = [1, 2, 3, 4, 5] as const;

export function emptyWindow(centerId = ''): WindowForm {
  return { centerId, code: '', name: '', kind: 'dedicated', departmentId: null, servedDepartmentIds: [], roster: ['', '', '', '', ''], location: '' };
}

export function windowRules(t: T): Rules {
  return {
    centerId: [required(t('organisation.common.centerRequired'), 'change')],
    code: [
      required(t('organisation.common.codeRequired')),
      { pattern: /^[A-Za-z0-9-]+$/, message: t('organisation.windows.codeInvalid'), trigger: 'blur' },
    ],
    name: [required(t('organisation.common.nameRequired'))],
  };
}

export interface GrantRow {
  role: GrantRole | '';
  centerId: string;
  departmentId: string | null;
}

export interface StaffForm {
  username: string;
  displayName: string;
  phone: string;
  email: string;
  password: string;
  grants: GrantRow[];
  windowIds: string[];
}

export function emptyStaff(centerId = ''): StaffForm {
  return { username: '', displayName: '', phone: '', email: '', password: '', grants: [{ role: '', centerId, departmentId: null }], windowIds: [] };
}

export function staffRules(t: T, creating: boolean): Rules {
  const rules: Rules = {
    displayName: [required(t('organisation.staff.displayNameRequired'))],
    phone: [phoneRule(t)],
    email: [{ pattern: EMAIL_RE, message: t('organisation.staff.emailInvalid'), trigger: 'blur' }],
  };
  if (creating) {
    rules.username = [
      required(t('organisation.staff.usernameRequired')),
      { pattern: /^[A-Za-z0-9_.-]{3,32}$/, message: t('organisation.staff.usernameInvalid'), trigger: 'blur' },
    ];
    rules.password = passwordRules(t);
  }
  return rules;
}

export function passwordRules(t: T): FormItemRule[] {
  return [
    { required: true, message: t('organisation.staff.passwordRequired'), trigger: 'blur' },
    { pattern: PASSWORD_RE, message: t('organisation.staff.passwordInvalid'), trigger: 'blur' },
  ];
}

/** Staff account state for the status column: deactivated wins over locked. */
export function staffState(s: { active: boolean; locked: boolean }): 'active' | 'locked' | 'deactivated' {
  if (!s.active) return 'deactivated';
  return s.locked ? 'locked' : 'active';
}

/** Client-side pagination defaults shared by the list pages. */
export const PAGE_SIZES = [10, 20, 50, 100];
