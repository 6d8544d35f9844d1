import { AppError, fieldError } from '../errors.js';

/** A unique key is taken: 409 conflict naming the field, so the form can mark it. */
export function duplicate(field: string, what: string, whatEn: string): AppError {
  const f = fieldError(field, `${what}已存在`, `${whatEn} already exists`);
  return new AppError('conflict', f.message, f.messageEn, [f]);
}

/** A well-formed request that breaks an organisation rule (e.g. deactivating oneself). */
export function ruleBroken(zh: string, en: string, field?: string): AppError {
  return new AppError('unprocessable', zh, en, field ? [fieldError(field, zh, en)] : undefined);
}
