/**
 * Errors that know no HTTP. Each has a documented code; src/server/plugins/errors.ts maps
 * codes to status. `message` is zh-CN, `messageEn` English, both shown to users.
 */
export type ErrorCode =
  | 'validation' // 400: bad input, `fields` names each field
  | 'unauthenticated' // 401
  | 'forbidden' // 403: role or scope does not allow it
  | 'csrf' // 403: missing or wrong CSRF token
  | 'notFound' // 404
  | 'conflict' // 409: stale version or duplicate key
  | 'invalidState' // 409: the move is not allowed in the current status
  | 'locked' // 423: account locked after repeated failures
  | 'rateLimited' // 429
  | 'unprocessable'; // 422: well-formed but breaks a rule

export interface FieldError {
  field: string;
  message: string;
  messageEn: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly fields?: FieldError[];

  constructor(code: ErrorCode, messageZh: string, messageEn: string, fields?: FieldError[]) {
    super(messageEn);
    this.name = 'AppError';
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
    this.fields = fields;
  }
}

export const invalid = (fields: FieldError[]) =>
  new AppError('validation', '输入有误：' + fields.map((f) => f.message).join('；'), 'Invalid input: ' + fields.map((f) => f.messageEn).join('; '), fields);

export const fieldError = (field: string, message: string, messageEn: string): FieldError => ({ field, message, messageEn });

export const notFound = (what: string, whatEn: string) => new AppError('notFound', `${what}不存在`, `${whatEn} not found`);

export const forbidden = () => new AppError('forbidden', '无权执行此操作', 'You are not allowed to do this');

export const conflict = (what: string, whatEn: string) =>
  new AppError('conflict', `${what}已被他人修改，请刷新后重试`, `${whatEn} was changed by someone else; reload and try again`);
