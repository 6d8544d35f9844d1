/**
 * Configuration from environment variables, validated at start; a bad value stops the process
 * with a message naming the variable.
 */
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', ''])
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  ONESTOP_DATA_DIR: z.string().min(1).default('data'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ONESTOP_DEMO: bool.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(30),
  PUBLIC_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(120),
  /** public progress queries per client and minute: low, so query codes cannot be guessed */
  PROGRESS_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(30),
  NODE_ENV: z.string().default('development'),
  /** the address applicants reach OneStop at: QR codes on notices point here */
  PUBLIC_URL: z.string().url().optional(),
  /** how often the notification outbox is drained, ms; 0 = never (tests drain it themselves) */
  OUTBOX_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(2000),
  /** how often due timers are swept, ms; 0 = never (tests run the sweeper themselves) */
  TIMER_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
  /** SMS provider: 'log' writes each message to the log (development; other providers come later) */
  SMS_PROVIDER: z.enum(['log']).default('log'),
  /** largest file an applicant may upload in the online hall, in MB */
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(20),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  sqliteFile: string;
  sessionSecret?: string;
  demo: boolean;
  logLevel: string;
  trustProxy: boolean;
  sessionTtlHours: number;
  loginMaxFailures: number;
  loginLockMinutes: number;
  loginRatePerMinute: number;
  publicRatePerMinute: number;
  progressRatePerMinute: number;
  publicUrl: string;
  outboxIntervalMs: number;
  timerIntervalMs: number;
  smsProvider: 'log';
  uploadMaxMb: number;
  production: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((k) => [k, env[k] === '' && k !== 'ONESTOP_DEMO' ? undefined : env[k]]),
  );
  const parsed = EnvSchema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.')}=${JSON.stringify(env[String(i.path[0])] ?? '')}: ${i.message}`,
    );
    throw new ConfigError(`配置错误 / invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  if (production && !e.SESSION_SECRET) {
    throw new ConfigError('配置错误 / invalid configuration:\n  SESSION_SECRET: required when NODE_ENV=production');
  }
  const dataDir = path.resolve(e.ONESTOP_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sqliteFile: path.join(dataDir, 'onestop.db'),
    sessionSecret: e.SESSION_SECRET,
    demo: e.ONESTOP_DEMO,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    loginMaxFailures: e.LOGIN_MAX_FAILURES,
    loginLockMinutes: e.LOGIN_LOCK_MINUTES,
    loginRatePerMinute: e.LOGIN_RATE_PER_MINUTE,
    publicRatePerMinute: e.PUBLIC_RATE_PER_MINUTE,
    progressRatePerMinute: e.PROGRESS_RATE_PER_MINUTE,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    outboxIntervalMs: e.OUTBOX_INTERVAL_MS,
    timerIntervalMs: e.TIMER_INTERVAL_MS,
    smsProvider: e.SMS_PROVIDER,
    uploadMaxMb: e.UPLOAD_MAX_MB,
    production,
  };
}
