import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { freshDb, type TestDb } from '../helpers/db.js';

describe('serving the web app', () => {
  let app: FastifyInstance;
  let tdb: TestDb;
  let root: string;
  beforeAll(async () => {
    tdb = await freshDb('sqlite');
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-web-'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>一站通</title>');
    app = await buildApp({ config: loadConfig({ ONESTOP_DATA_DIR: tdb.dataDir, LOG_LEVEL: 'silent' }), db: tdb.db, logger: false, webRoot: root });
  });
  afterAll(async () => {
    await app.close();
    await tdb.cleanup();
  });

  it('answers client-side routes with the app and missing files and API paths with 404', async () => {
    const page = await app.inject({ url: '/guide/370700-SCJG-XK-0001' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('一站通');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await app.inject({ url: '/assets/missing.js' })).statusCode).toBe(404);
    const api = await app.inject({ url: '/api/v1/missing' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('notFound');
  });

  it('serves files written after start (a rebuilt web app needs no restart)', async () => {
    fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'assets', 'app-123.js'), 'console.log(1)');
    const r = await app.inject({ url: '/assets/app-123.js' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('javascript');
  });
});
