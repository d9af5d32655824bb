import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend/create-backend';
import { startWebHost, type WebHost } from '../../electron/web-host/server';
import { encodeWire } from '../../shared/contract/wire';
import { RENDERER_DIR } from '../helpers/clients';
import { makeTempDir } from '../helpers/workspaces';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(port: number, path: string, headers: Record<string, string> = {}, method = 'GET', body?: Uint8Array): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString('latin1')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

function openSocket(url: string, headers?: Record<string, string>): Promise<'open' | 'refused'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, headers ? ({ headers } as never) : undefined);
    ws.onopen = () => {
      ws.close();
      resolve('open');
    };
    ws.onerror = () => resolve('refused');
  });
}

describe('web host security', () => {
  const temp = makeTempDir();
  let backend: Backend;
  let host: WebHost;
  let q: string;

  beforeAll(async () => {
    backend = createBackend({ dataDir: temp.dir, appVersion: 'test' });
    host = await startWebHost({ backend, rendererDir: RENDERER_DIR });
    q = `?token=${host.token}`;
  });
  afterAll(async () => {
    await host.close();
    backend.close();
    temp.cleanup();
  });

  it('prints a loopback URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('refuses page, asset, API and events without the token', async () => {
    expect((await send(host.port, '/')).status).toBe(403);
    expect((await send(host.port, '/index.html')).status).toBe(403);
    expect((await send(host.port, '/rpc/app.about', {}, 'POST', encodeWire({}))).status).toBe(403);
    expect((await send(host.port, `/?token=wrong${host.token}`)).status).toBe(403);
    expect(await openSocket(`ws://127.0.0.1:${host.port}/events`)).toBe('refused');
  });

  it('serves the page with the token and sets a cookie that carries it afterwards', async () => {
    const page = await send(host.port, `/${q}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const cookie = String(page.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toMatch(/^tessera_token_\d+=/);
    const script = /src="\.?(\/assets\/[^"]+\.js)"/.exec(page.body)![1]!;
    expect((await send(host.port, script, { cookie })).status).toBe(200);
    expect((await send(host.port, '/rpc/app.about', { cookie }, 'POST', encodeWire({}))).status).toBe(200);
    expect(await openSocket(`ws://127.0.0.1:${host.port}/events${q}`)).toBe('open');
  });

  it('refuses a foreign Host or Origin even with the token', async () => {
    expect((await send(host.port, `/${q}`, { host: `evil.example:${host.port}` })).status).toBe(403);
    expect((await send(host.port, `/rpc/app.about${q}`, { origin: 'http://evil.example' }, 'POST', encodeWire({}))).status).toBe(403);
    expect((await send(host.port, `/rpc/app.about${q}`, { origin: `http://127.0.0.1:${host.port}` }, 'POST', encodeWire({}))).status).toBe(200);
    expect(await openSocket(`ws://127.0.0.1:${host.port}/events${q}`, { origin: 'http://evil.example' })).toBe('refused');
  });

  it('serves nothing outside the built renderer', async () => {
    expect((await send(host.port, `/%2e%2e/%2e%2e/package.json${q}`)).status).toBe(404);
    expect((await send(host.port, `/../../package.json${q}`)).status).toBe(404);
  });

  it('answers malformed RPC bodies with BAD_REQUEST', async () => {
    const reply = await send(host.port, `/rpc/app.about${q}`, {}, 'POST', new Uint8Array([1, 2]));
    expect(reply.status).toBe(400);
  });
});
