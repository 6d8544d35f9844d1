/**
 * The one place errors become HTTP: AppError codes map to status; validation errors name each
 * field in zh-CN and English; 5xx never leak internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { CalendarError } from '../../domain/calendar/errors.js';
import { CASE_ERROR_KIND, CaseError } from '../../domain/case/errors.js';
import { AppError, type ErrorCode } from '../../domain/errors.js';
import type { ErrorBody } from '../../contracts/common.js';
import { fieldErrorsFromIssues } from './zod-messages.js';

const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf: 403,
  notFound: 404,
  conflict: 409,
  invalidState: 409,
  unprocessable: 422,
  locked: 423,
  rateLimited: 429,
};

export function statusOf(code: ErrorCode): number {
  return STATUS[code];
}

function body(code: string, message: string, messageEn: string, fields?: ErrorBody['error']['fields']): ErrorBody {
  return { error: { code, message, messageEn, ...(fields ? { fields } : {}) } };
}

const GENERIC_4XX: Record<number, [string, string, string]> = {
  400: ['badRequest', '请求格式不正确', 'Malformed request'],
  404: ['notFound', '资源不存在', 'Not found'],
  405: ['methodNotAllowed', '不支持的请求方法', 'Method not allowed'],
  406: ['notAcceptable', '无法提供请求的格式', 'Not acceptable'],
  413: ['tooLarge', '请求内容过大', 'Request body too large'],
  415: ['unsupportedMediaType', '不支持的内容类型', 'Unsupported media type'],
  429: ['rateLimited', '请求过于频繁，请稍后再试', 'Too many requests; try again later'],
};

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | ZodError | CalendarError | CaseError, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      return reply.status(STATUS[err.code]).send(body(err.code, err.messageZh, err.messageEn, err.fields));
    }
    if (err instanceof CaseError) {
      // the case rules know no HTTP: their code says which AppError kind (and status) it is
      const code = CASE_ERROR_KIND[err.code];
      const fields = err.field ? [{ field: err.field, message: `${err.field}：${err.messageZh}`, messageEn: `${err.field}: ${err.messageEn}` }] : undefined;
      return reply.status(STATUS[code]).send(body(code, err.messageZh, err.messageEn, fields));
    }
    if (err instanceof CalendarError) {
      const f = { field: err.field, message: `${err.field}：${err.messageZh}`, messageEn: `${err.field}: ${err.messageEn}` };
      return reply.status(400).send(body('validation', f.message, f.messageEn, [f]));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        ...(v.params as object),
        code: v.keyword,
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? '',
      }) as never);
      const fields = fieldErrorsFromIssues(issues);
      return reply.status(400).send(body('validation', '输入有误：' + fields.map((f) => f.message).join('；'), 'Invalid input: ' + fields.map((f) => f.messageEn).join('; '), fields));
    }
    if (err instanceof ZodError) {
      const fields = fieldErrorsFromIssues(err.issues as never);
      return reply.status(400).send(body('validation', '输入有误：' + fields.map((f) => f.message).join('；'), 'Invalid input: ' + fields.map((f) => f.messageEn).join('; '), fields));
    }
    const status = (err as FastifyError).statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const [code, zh, en] = GENERIC_4XX[status] ?? ['badRequest', '请求无效', 'Bad request'];
      return reply.status(status).send(body(code, zh, en));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('internal', '服务器内部错误，请稍后再试', 'Internal server error; please try again later'));
  });
}

export function apiNotFound(reply: FastifyReply) {
  return reply.status(404).send(body('notFound', '接口不存在', 'No such endpoint'));
}
