/** Zod issues → field errors in zh-CN and English, naming the field. */
import type { FieldError } from '../../domain/errors.js';

interface Issue {
  code?: string;
  path?: PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  expected?: string;
  format?: string;
  values?: unknown[];
  keys?: string[];
}

function zh(i: Issue): string {
  switch (i.code) {
    case 'invalid_type':
      return i.message.includes('received undefined') ? '必填' : `类型不正确（应为 ${i.expected}）`;
    case 'too_small':
      return i.origin === 'string'
        ? `长度不能少于 ${i.minimum} 个字符`
        : i.origin === 'array'
          ? `至少需要 ${i.minimum} 项`
          : `不能小于 ${i.minimum}`;
    case 'too_big':
      return i.origin === 'string'
        ? `长度不能超过 ${i.maximum} 个字符`
        : i.origin === 'array'
          ? `最多 ${i.maximum} 项`
          : `不能大于 ${i.maximum}`;
    case 'invalid_format':
      return `格式不正确${i.format === 'regex' ? '' : `（${i.format}）`}`;
    case 'invalid_value':
      return `取值不在允许范围内（${(i.values ?? []).join(' / ')}）`;
    case 'unrecognized_keys':
      return `包含未知字段：${(i.keys ?? []).join(', ')}`;
    case 'not_multiple_of':
      return '数值不符合要求';
    default:
      return '输入不正确';
  }
}

export function fieldErrorsFromIssues(issues: Issue[], prefix?: string): FieldError[] {
  return issues.map((i) => {
    const p = (i.path ?? []).map(String).join('.');
    const field = [prefix, p].filter(Boolean).join('.') || prefix || '(root)';
    return { field, message: `${field}：${zh(i)}`, messageEn: `${field}: ${i.message}` };
  });
}
