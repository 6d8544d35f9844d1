/**
 * The one way the web app talks to the server: JSON over fetch, cookies same-origin, the CSRF
 * token on every state-changing request, and the server's error envelope
 * `{ error: { code, message, messageEn, fields? } }` turned into an `ApiError`.
 *
 *   const page = await http.get<AuditList>('/api/v1/admin/audit', { page: 1, entity: 'item' });
 *   await http.post<OkBody>('/api/auth/password', body);
 *
 * Field errors: `err.fields` ([{ field, message }], message already in the current language) and
 * `err.fieldMap()` ({ 'materials.2.code': '…' }) — see composables/useFormErrors.ts for el-form.
 */
import type { ErrorBody } from '@shared/contracts/common';
import { currentLocale, i18n } from '@/locales';

export interface ApiFieldError {
  /** JSON path of the input field, e.g. `promisedLimit`, `materials.2.code` */
  field: string;
  /** in the current language */
  message: string;
  messageZh: string;
  messageEn: string;
}

type Envelope = ErrorBody['error'];

export class ApiError extends Error {
  readonly status: number;
  /** the server's error code (`validation`, `notFound`, `conflict`, …) or `network` / `internal` */
  readonly code: string;
  readonly messageZh: string;
  readonly messageEn: string;
  private readonly rawFields: NonNullable<Envelope['fields']>;

  constructor(status: number, body: Envelope) {
    // The message in the language the user was reading when the error arrived.
    super(currentLocale() === 'en' ? body.messageEn : body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.messageZh = body.message;
    this.messageEn = body.messageEn;
    this.rawFields = body.fields ?? [];
  }

  get fields(): ApiFieldError[] {
    const en = currentLocale() === 'en';
    return this.rawFields.map((f) => ({ field: f.field, message: en ? f.messageEn : f.message, messageZh: f.message, messageEn: f.messageEn }));
  }

  /** field path → message, for `:error` on el-form-item */
  fieldMap(): Record<string, string> {
    return Object.fromEntries(this.fields.map((f) => [f.field, f.message]));
  }
}

/** Turns anything caught into a message fit to show (Chinese by default). */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return i18n.global.t('common.serverError');
}

// Set by the auth store (token) and main.ts (redirect), so this file imports neither.
let csrfProvider: () => string | null = () => null;
let onUnauthorized: (err: ApiError) => void = () => {};
export function setCsrfTokenProvider(fn: () => string | null): void {
  csrfProvider = fn;
}
export function setUnauthorizedHandler(fn: (err: ApiError) => void): void {
  onUnauthorized = fn;
}

/**
 * Query parameters: any object of strings, numbers, booleans or arrays of them (typed by the
 * contract, e.g. `Partial<z.input<typeof AuditQuery>>`). Empty values are left out.
 */
export type Query = object;

/** `?a=1&b=x`, leaving out empty values so the server applies its defaults. */
export function toQueryString(query?: Query): string {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
    if (v === undefined || v === null || v === '') continue;
    if (Array.isArray(v)) for (const x of v) p.append(k, String(x));
    else p.append(k, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** don't redirect to login on 401 (the login page itself, /api/auth/me) */
  skipAuthRedirect?: boolean;
}

const SAFE = new Set(['GET', 'HEAD']);

export async function request<T>(method: string, url: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) {
    body = opts.body; // the browser sets the multipart boundary
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (!SAFE.has(method)) {
    const token = csrfProvider();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(url + toQueryString(opts.query), { method, headers, body, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    const t = i18n.global.t;
    throw new ApiError(0, { code: 'network', message: t('common.networkError', {}, { locale: 'zh-CN' }), messageEn: t('common.networkError', {}, { locale: 'en' }) });
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (res.ok) return data as T;

  const envelope = (data as Partial<ErrorBody> | undefined)?.error;
  const err = envelope && typeof envelope.code === 'string'
    ? new ApiError(res.status, envelope)
    : new ApiError(res.status, { code: res.status >= 500 ? 'internal' : 'badRequest', message: '服务器暂时无法处理请求，请稍后再试', messageEn: 'The server could not handle the request; please try again later' });
  if (res.status === 401 && !opts.skipAuthRedirect) onUnauthorized(err);
  throw err;
}

export const http = {
  get: <T>(url: string, query?: Query, opts: Omit<RequestOptions, 'query' | 'body'> = {}) => request<T>('GET', url, { ...opts, query }),
  post: <T>(url: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('POST', url, { ...opts, body }),
  put: <T>(url: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('PUT', url, { ...opts, body }),
  patch: <T>(url: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('PATCH', url, { ...opts, body }),
  delete: <T>(url: string, body?: unknown, opts: Omit<RequestOptions, 'body'> = {}) => request<T>('DELETE', url, { ...opts, body }),
};
