/** The credit-record add form's client rules (the pages' lists and dialogs sit beside this file). */
import type { FormRules } from 'element-plus';

type T = (key: string) => string;

const required = (message: string) => [{ required: true, whitespace: true, message, trigger: 'blur' }];

/** 录入失信记录: every field required (the number's checksum is the server's, under `subjectNo`). */
export const creditRules = (t: T): FormRules => ({
  centerId: [{ required: true, message: t('caseFlags.credit.centerRequired'), trigger: 'change' }],
  subjectNo: required(t('caseFlags.credit.subjectNoRequired')),
  subjectName: required(t('caseFlags.credit.subjectNameRequired')),
  reason: required(t('caseFlags.credit.reasonRequired')),
});
