/** The intake form (收件登记): its model, the client rules mirroring the server's checks, and list page sizes. */
import type { FormItemRule, FormRules } from 'element-plus';
import { checkIdNumber, checkUscc } from '@shared/domain/identity/index';
import { PHONE_RE } from '@shared/domain/organisation/phone';
import type { IntakeBody } from '@/api/cases';
import { currentLocale } from '@/locales';
import { todayInCenter } from '@/components/case/useCase';

type T = (key: string) => string;

export const PAGE_SIZES = [10, 20, 50, 100];

export interface IntakeForm {
  itemId: string;
  applicant: { kind: 'person' | 'enterprise'; name: string; idNumber: string; uscc: string; phone: string };
  externalNo: string;
}

export const emptyIntake = (): IntakeForm => ({
  itemId: '',
  applicant: { kind: 'person', name: '', idNumber: '', uscc: '', phone: '' },
  externalNo: '',
});

export function intakeBody(f: IntakeForm): IntakeBody {
  const a = f.applicant;
  const common = { name: a.name.trim(), phone: a.phone.trim() };
  return {
    itemId: f.itemId,
    applicant: a.kind === 'person' ? { kind: 'person', ...common, idNumber: a.idNumber.trim() } : { kind: 'enterprise', ...common, uscc: a.uscc.trim() },
    externalNo: f.externalNo.trim() || null,
  };
}

const say = (r: { zh: string; en: string }) => new Error(currentLocale() === 'en' ? r.en : r.zh);

/** The same checks the server makes (GB 11643 / GB 32100 check characters, phone shape). */
export function intakeRules(t: T): FormRules {
  const required = (message: string): FormItemRule => ({ required: true, whitespace: true, message, trigger: 'blur' });
  return {
    itemId: [{ required: true, message: t('cases.intake.itemRequired'), trigger: 'change' }],
    'applicant.name': [required(t('cases.intake.nameRequired'))],
    'applicant.idNumber': [
      {
        trigger: 'blur',
        validator: (_r, v: string, cb) => {
          const r = checkIdNumber(v ?? '', todayInCenter());
          cb(r.ok ? undefined : say(r));
        },
      },
    ],
    'applicant.uscc': [
      {
        trigger: 'blur',
        validator: (_r, v: string, cb) => {
          const r = checkUscc(v ?? '');
          cb(r.ok ? undefined : say(r));
        },
      },
    ],
    'applicant.phone': [
      { trigger: 'blur', validator: (_r, v: string, cb) => cb(PHONE_RE.test((v ?? '').trim()) ? undefined : new Error(t('cases.intake.badPhone'))) },
    ],
  };
}
