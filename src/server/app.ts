/**
 * Builds the app (tests use it through app.inject); main.ts listens. Order: external concerns
 * (security headers, cookies, rate limit, OpenAPI), then app plugins (errors, auth), then routes, then the
 * web app and its SPA fallback.
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.js';
import type { Db } from './db/database.js';
import { registerAuth } from './plugins/auth.js';
import { apiNotFound, registerErrorHandling } from './plugins/errors.js';
import { addSecurityHeaders } from './plugins/security-headers.js';
import { registerRoutes } from './routes/index.js';
import { whitelistSerializerCompiler } from './serialize.js';
import { type Clock, type Deps, systemClock } from './services/context.js';
import { startDispatcher } from './services/notifications/dispatch.js';
import { LogSmsProvider, type SmsProvider } from './services/notifications/sms.js';
import { startSweeper } from './services/timers/sweeper.js';
import { type FileStorage, LocalFileStorage } from './storage/file-storage.js';

declare module 'fastify' {
  interface FastifyInstance {
    onestopConfig: Config;
    deps: Deps;
    /** every route registered, for the authorization-matrix test and docs */
    routeList: { method: string; url: string }[];
  }
}

export interface AppOptions {
  config: Config;
  db: Db;
  clock?: Clock;
  files?: FileStorage;
  /** default: the log provider (config SMS_PROVIDER=log) */
  sms?: SmsProvider;
  /** pino options, or false for silence (tests) */
  logger?: boolean | object;
  /** directory of the built web app; default web/dist */
  webRoot?: string;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_WEB_ROOT = path.resolve(here, '../../web/dist');

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const deps: Deps = {
    db: opts.db,
    clock: opts.clock ?? systemClock,
    config: opts.config,
    files: opts.files ?? new LocalFileStorage(path.join(opts.config.dataDir, 'files')),
    sms: opts.sms ?? new LogSmsProvider((obj, msg) => app.log.info(obj, msg)),
  };
  const app = Fastify({
    logger: opts.logger ?? { level: opts.config.logLevel },
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: opts.config.trustProxy,
    bodyLimit: 2 * 1024 * 1024,
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.decorate('onestopConfig', opts.config);
  app.decorate('deps', deps);
  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    for (const m of [r.method].flat()) if (m !== 'HEAD') routeList.push({ method: m, url: r.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  // replies: validated by the Zod schema in development and tests; in production copied through
  // the schema's whitelist and JSON.stringify (serialize.ts)
  app.setSerializerCompiler(opts.config.production ? (whitelistSerializerCompiler as typeof serializerCompiler) : serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  addSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: { title: 'OneStop 一站通 API', version: '1.0.0', description: 'One-stop administrative service center' },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  registerErrorHandling(app);
  registerAuth(app, deps);
  await registerRoutes(app);

  const webRoot = opts.webRoot ?? DEFAULT_WEB_ROOT;
  const hasWeb = fs.existsSync(path.join(webRoot, 'index.html'));
  if (hasWeb) {
    // wildcard: files are looked up per request, so a rebuilt web app is served without a restart
    await app.register(fastifyStatic, { root: webRoot, prefix: '/', wildcard: true, index: ['index.html'] });
  }
  app.setNotFoundHandler((req, reply) => {
    const p = req.url.split('?')[0];
    // API paths and missing files (anything with an extension) are real 404s
    if (p.startsWith('/api/') || req.method !== 'GET' || !hasWeb || /\.[a-z0-9]+$/i.test(p)) return apiNotFound(reply);
    // client-side routes of the single-page app
    return reply.type('text/html').sendFile('index.html');
  });
  if (opts.config.outboxIntervalMs > 0) {
    let stop: (() => void) | null = null;
    app.addHook('onReady', async () => {
      stop = startDispatcher(deps, opts.config.outboxIntervalMs, (e) => app.log.error(e, 'outbox dispatch failed'));
    });
    app.addHook('onClose', async () => stop?.());
  }
  if (opts.config.timerIntervalMs > 0) {
    let stop: (() => Promise<void>) | null = null;
    app.addHook('onReady', async () => {
      stop = startSweeper(deps, opts.config.timerIntervalMs, (e) => app.log.error(e, 'timer sweep failed'));
    });
    app.addHook('onClose', async () => stop?.());
  }
  return app;
}
