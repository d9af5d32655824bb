// Web-host shell: serves the built renderer and the contract over HTTP + WebSocket on loopback.
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { decodeWire, encodeWire } from '../../shared/contract/wire';
import type { Backend } from '../backend/create-backend';
import { refuseReason, tokenCookieName } from './security';
import { serveStatic } from './static-files';

export interface WebHostOptions {
  backend: Backend;
  /** Folder of the built renderer (`out/renderer`). */
  rendererDir: string;
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface WebHost {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 256 * 1024 * 1024;
/** Files dropped in the browser are copied here (streamed, never held in memory) for import. */
const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(24).toString('base64url');
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', () => done());
  });
  const port = (server.address() as AddressInfo).port;
  const uploads = mkdtempSync(join(tmpdir(), 'tessera-upload-'));
  let uploadCount = 0;
  const security = {
    'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
  };

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const refused = refuseReason(req, port, token);
    if (refused) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end(`Forbidden: ${refused}.\n`);
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
      void handleRpc(req, res, decodeURIComponent(url.pathname.slice(5)));
      return;
    }
    if (url.pathname === '/upload') {
      if (req.method !== 'POST') return void res.writeHead(405, { allow: 'POST' }).end();
      void handleUpload(req, res, url.searchParams.get('name') ?? '');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return void res.writeHead(405, { allow: 'GET' }).end();
    const headers: Record<string, string> = { ...security };
    if (url.searchParams.has('token')) {
      headers['set-cookie'] = `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    if (!serveStatic(options.rendererDir, url.pathname, res, headers)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.\n');
    }
  });

  async function handleRpc(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) return void res.writeHead(413).end();
      chunks.push(chunk as Buffer);
    }
    let args: unknown;
    try {
      args = size === 0 ? {} : decodeWire(new Uint8Array(Buffer.concat(chunks)));
    } catch (error) {
      const body = encodeWire({ ok: false, error: { code: 'BAD_REQUEST', message: (error as Error).message } });
      return void res.writeHead(400, { 'content-type': 'application/octet-stream' }).end(body);
    }
    const envelope = await options.backend.dispatch(method, args);
    const body = encodeWire(envelope);
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store', 'content-length': String(body.byteLength) });
    res.end(body);
  }

  /** Receives a dropped file's bytes and stages the copy for import; answers with the staged file. */
  async function handleUpload(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const reply = (status: number, envelope: unknown) => {
      const body = encodeWire(envelope);
      res.writeHead(status, { 'content-type': 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    };
    const declared = Number(req.headers['content-length'] ?? 0);
    const fileName = name.replace(/[\\/\u0000-\u001f]/g, '_').slice(0, 200);
    if (fileName === '') return reply(400, { ok: false, error: { code: 'BAD_REQUEST', message: 'The upload has no file name.' } });
    if (declared > MAX_UPLOAD_BYTES) return reply(413, { ok: false, error: { code: 'INVALID_INPUT', message: `${fileName} is larger than 4 GB.` } });
    const path = join(uploads, `${++uploadCount}-${fileName}`);
    try {
      await pipeline(req, createWriteStream(path));
      reply(200, { ok: true, value: options.backend.imports.stage(path, { name: fileName, temporary: true }) });
    } catch (error) {
      rmSync(path, { force: true });
      reply(500, { ok: false, error: { code: 'INTERNAL', message: `${fileName} could not be received: ${(error as Error).message}` } });
    }
  }

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const refused = refuseReason(req, port, token) ?? (url.pathname === '/events' ? null : 'no such endpoint');
    if (refused) {
      socket.end(`HTTP/1.1 403 Forbidden\r\nconnection: close\r\ncontent-type: text/plain\r\n\r\nForbidden: ${refused}.\n`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      const unsubscribe = options.backend.subscribe((event) => ws.send(encodeWire(event)));
      ws.on('close', unsubscribe);
      ws.on('error', unsubscribe);
    });
  });

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((done) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => {
          rmSync(uploads, { recursive: true, force: true });
          done();
        });
      }),
  };
}
