/** Validation rules of the login and password forms (messages via i18n, checked again by the server). */
import type { FormItemRule } from 'element-plus';

type T = (key: string) => string;
type Rules = Record<string, FormItemRule[]>;

export function loginRules(t: T): Rules {
  return {
    username: [{ required: true, whitespace: true, message: t('auth.usernameRequired'), trigger: 'blur' }],
    password: [{ required: true, message: t('auth.passwordRequired'), trigger: 'blur' }],
  };
}

export interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function passwordRules(t: T, form: PasswordForm): Rules {
  return {
    currentPassword: [{ required: true, message: t('auth.currentPasswordRequired'), trigger: 'blur' }],
    newPassword: [
      { required: true, message: t('auth.newPasswordRequired'), trigger: 'blur' },
      { min: 8, max: 128, pattern: /^(?=.*[A-Za-z])(?=.*\d)/, message: t('auth.newPasswordLength'), trigger: 'blur' },
      {
        validator: (_r, v: string, cb) => (v && v === form.currentPassword ? cb(new Error(t('auth.newPasswordSame'))) : cb()),
        trigger: 'blur',
      },
    ],
    confirmPassword: [
      { required: true, message: t('auth.newPasswordRequired'), trigger: 'blur' },
      {
        validator: (_r, v: string, cb) => (v !== form.newPassword ? cb(new Error(t('auth.confirmMismatch'))) : cb()),
        trigger: 'blur',
      },
    ],
  };
}
