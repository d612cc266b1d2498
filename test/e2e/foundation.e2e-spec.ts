import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { createOwnEngine, type OwnEngine } from '../helpers/own-engine';
import { startApp, uniqueDbName, type TestApp } from '../helpers/start-app';

describe('Foundation', () => {
  let api: TestApp;

  beforeAll(async () => {
    api = await startApp();
  });
  afterAll(async () => {
    await api.close();
  });

  it('reports itself healthy with the database up', async () => {
    const res = await api.http.get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up' } });
  });

  it('answers an unknown API route with the JSON error shape and a 404', async () => {
    const res = await api.http.get('/api/no-such-route').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    expect(typeof res.body.message).toBe('string');
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });

  it('answers a malformed JSON body with 400 malformed_json', async () => {
    const res = await api.http
      .post('/api/health')
      .set('Content-Type', 'application/json')
      .send('{"title": "oops",')
      .expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'malformed_json' });
    expect(res.body.requestId).toEqual(res.headers['x-request-id']);
  });

  it('refuses a body over the size limit with 413 payload_too_large', async () => {
    const res = await api.http
      .post('/api/health')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ body: 'x'.repeat(300 * 1024) }))
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413, code: 'payload_too_large' });
  });

  it('sends security headers and no X-Powered-By', async () => {
    const res = await api.http.get('/api/health').expect(200);
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('exposes Prometheus metrics with a request duration histogram by route and status', async () => {
    await api.http.get('/api/health').expect(200);
    const res = await api.http.get('/metrics').expect(200);
    expect(res.text).toMatch(
      /http_request_duration_seconds_bucket\{[^}]*route="\/api\/health",status_code="200"/,
    );
  });

  it('serves the OpenAPI document', async () => {
    const res = await api.http.get('/api/docs/openapi.json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toContain('/api/health');
  });
});

describe('Foundation with an engine of its own', () => {
  let engine: OwnEngine;

  beforeAll(async () => {
    engine = await createOwnEngine();
    await engine.start();
  });
  afterAll(async () => {
    await engine?.dispose();
  });

  it('reports the database down with 503 while the engine is stopped, and recovers without a restart', async () => {
    const api = await startApp({ mongoUri: engine.uri });
    try {
      await api.http.get('/api/health').expect(200);
      await engine.stop();
      const down = await api.http.get('/api/health').expect(503);
      expect(down.body).toMatchObject({
        status: 'error',
        code: 'database_unavailable',
        checks: { database: 'down' },
      });
      await engine.start();
      await waitFor(async () => (await api.http.get('/api/health')).status === 200, 20_000);
    } finally {
      await api.close();
    }
  });

  it('keeps a written document across an application and engine restart', async () => {
    const dbName = uniqueDbName('restart');
    const first = await startApp({ mongoUri: engine.uri, dbName });
    await first.app.get<Connection>(getConnectionToken()).collection('probes').insertOne({ kept: 'yes' });
    await first.close();
    await engine.stop();
    await engine.start();
    const second = await startApp({ mongoUri: engine.uri, dbName });
    try {
      const found = await second.app.get<Connection>(getConnectionToken()).collection('probes').findOne({});
      expect(found?.kept).toBe('yes');
    } finally {
      await second.close();
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
}
