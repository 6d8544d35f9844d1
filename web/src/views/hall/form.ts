/**
 * The application form (申请表) of an item, rendered from its JSON Schema and checked in the
 * browser with the server's own validator (src/domain/forms) — the same rules, the same words.
 * Field errors are keyed like the server's: `form.<name>` (an array element's `form.<name>.<i>`
 * is shown under its field) and `materials.<code>`.
 */
import { checkForm, formFields, type FormField } from '@shared/domain/forms/index';
import { checkIdNumber, checkUscc } from '@shared/domain/identity/index';
import { todayInCenter } from '@/components/case/useCase';
import { currentLocale } from '@/locales';

export { formFields, type FormField };

export type FieldKind = 'text' | 'textarea' | 'number' | 'integer' | 'date' | 'boolean' | 'radio' | 'select' | 'checkboxes' | 'lines';

/** enum choices shown as radio buttons up to this many, else a select */
const RADIO_MAX = 5;

export function enumOf(s: { enum?: unknown }): string[] {
  return Array.isArray(s.enum) ? s.enum.map((e) => String(e)) : [];
}

export function fieldKind(f: FormField): FieldKind {
  const s = f.schema;
  if (s.type === 'array') {
    const items = (s.items && typeof s.items === 'object' ? s.items : {}) as { enum?: unknown };
    return enumOf(items).length ? 'checkboxes' : 'lines';
  }
  if (s.type === 'boolean') return 'boolean';
  if (enumOf(s).length) return enumOf(s).length <= RADIO_MAX ? 'radio' : 'select';
  if (s.type === 'number') return 'number';
  if (s.type === 'integer') return 'integer';
  if (s.format === 'date') return 'date';
  const max = typeof s.maxLength === 'number' ? s.maxLength : 0;
  return max > 200 ? 'textarea' : 'text';
}

/** The help text under a field (the schema's `description`). */
export function fieldHelp(f: FormField): string {
  const d = (f.schema as { description?: unknown }).description;
  return typeof d === 'string' ? d : '';
}

/** Typed text of a number field → its value: a number when it reads as one, else the text (the check then says "应填写数字"). */
export function numberValue(text: string): unknown {
  const s = text.trim();
  if (s === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) && /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? n : s;
}

/** A server/validator message without its `form.x：` prefix: under the field the path is noise. */
export function tidy(field: string, message: string): string {
  for (const sep of ['：', ': ', ':']) if (message.startsWith(field + sep)) return message.slice(field.length + sep.length).trim();
  return message;
}

/** field → message, in the reader's language, an array element's error under its field. */
export function formErrors(schema: unknown, values: Record<string, unknown>): Record<string, string> {
  const en = currentLocale() === 'en';
  const out: Record<string, string> = {};
  for (const e of checkForm(schema, values).errors) {
    const key = e.field.split('.').slice(0, 2).join('.');
    out[key] ??= tidy(e.field, en ? e.messageEn : e.message);
  }
  return out;
}

/** Values kept for a draft: only what the applicant typed (blank text dropped). */
export function draftValues(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') continue;
    out[k] = v;
  }
  return out;
}

/** Reads a value for display (the staff's pre-review table, a summary). */
export function displayValue(v: unknown, yes: string, no: string): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'boolean') return v ? yes : no;
  if (Array.isArray(v)) return v.map((x) => String(x)).join('、');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

const say = (r: { zh: string; en: string }) => (currentLocale() === 'en' ? r.en : r.zh);

/** GB 11643 (with its check digit), as the server checks it; '' when fine. */
export function idNumberProblem(v: string): string {
  const r = checkIdNumber(v ?? '', todayInCenter());
  return r.ok ? '' : say(r);
}

/** GB 32100 (with its check character); '' when fine. */
export function usccProblem(v: string): string {
  const r = checkUscc(v ?? '');
  return r.ok ? '' : say(r);
}

/** `12345` bytes → `12.1 KB`. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What the browser can tell of a chosen file before sending it (the server judges by its bytes). */
export const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
export function fileProblem(file: File, maxMb: number, t: (k: string, p?: Record<string, unknown>) => string): string {
  if (file.size === 0) return t('hall.upload.empty');
  if (file.size > maxMb * 1024 * 1024) return t('hall.upload.tooLarge', { n: maxMb });
  if (!/\.(pdf|jpe?g|png)$/i.test(file.name)) return t('hall.upload.badType');
  return '';
}
