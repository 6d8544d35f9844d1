/** The bundle intake form (一件事受理): its model, the client rules (the intake's, for the applicant), the body sent. */
import type { FormRules } from 'element-plus';
import type { StartRunBody } from '@/api/bundleCases';
import { intakeRules } from '@/views/cases/data';

type T = (key: string) => string;

export const PAGE_SIZES = [10, 20, 50, 100];

export interface RunForm {
  bundleId: string;
  applicant: { kind: 'person' | 'enterprise'; name: string; idNumber: string; uscc: string; phone: string };
  /** the combined form's values */
  values: Record<string, unknown>;
  /** codes of the combined checklist received */
  materials: string[];
}

export const emptyRunForm = (): RunForm => ({
  bundleId: '',
  applicant: { kind: 'enterprise', name: '', idNumber: '', uscc: '', phone: '' },
  values: {},
  materials: [],
});

export function runBody(f: RunForm): StartRunBody {
  const a = f.applicant;
  const common = { name: a.name.trim(), phone: a.phone.trim() };
  return {
    bundleId: f.bundleId,
    applicant: a.kind === 'person' ? { kind: 'person', ...common, idNumber: a.idNumber.trim() } : { kind: 'enterprise', ...common, uscc: a.uscc.trim() },
    form: f.values,
    materials: f.materials,
  };
}

/** The applicant's checks as at case intake (GB 11643 / GB 32100), and a bundle picked. */
export function runRules(t: T): FormRules {
  const { itemId: _item, externalNo: _ext, ...applicant } = intakeRules(t);
  return { ...applicant, bundleId: [{ required: true, message: t('bundleCases.start.bundleRequired'), trigger: 'change' }] };
}
