import type { EventMessage } from '../../shared/contract/events';
import type { Envelope, Transport } from '../../shared/contract/transport';
import { decodeWire, encodeWire } from '../../shared/contract/wire';

/**
 * The web host's transport: calls as `POST /rpc/<method>` with binary bodies, events
 * over one WebSocket that reconnects when the host restarts. Works in browsers and in
 * Node ≥ 22 (tests), which both have fetch and WebSocket.
 * @param baseUrl e.g. `http://127.0.0.1:5173`
 * @param token the per-launch token (also carried by a cookie in the browser)
 */
export function createWsTransport(baseUrl: string, token: string | null): Transport {
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  const listeners = new Set<(event: EventMessage) => void>();
  let socket: WebSocket | null = null;
  let retry = 250;

  const connect = () => {
    const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/events${query}`);
    ws.binaryType = 'arraybuffer';
    ws.onmessage = (m) => {
      const event = decodeWire(new Uint8Array(m.data as ArrayBuffer)) as EventMessage;
      for (const l of listeners) l(event);
    };
    ws.onopen = () => {
      retry = 250;
    };
    ws.onclose = () => {
      socket = null;
      if (listeners.size > 0) setTimeout(() => listeners.size > 0 && !socket && (socket = connect()), (retry = Math.min(retry * 2, 5000)));
    };
    return ws;
  };

  return {
    async invoke(method, args) {
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/rpc/${encodeURIComponent(method)}${query}`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream' },
          body: encodeWire(args ?? {}) as BodyInit,
        });
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: `Tessera's local host is not reachable (${(error as Error).message}).` } };
      }
      if (response.status === 403) {
        return { ok: false, error: { code: 'FORBIDDEN', message: 'The local host refused the call: open the link with its token again.' } };
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      try {
        return decodeWire(bytes) as Envelope;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: `Unexpected answer from the local host (HTTP ${response.status}).` } };
      }
    },
    async stageFile(file) {
      const sep = query ? '&' : '?';
      try {
        const response = await fetch(`${baseUrl}/upload${query}${sep}name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/octet-stream' },
          body: file,
        });
        return decodeWire(new Uint8Array(await response.arrayBuffer())) as Envelope;
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: `${file.name} could not be sent to the local host (${(error as Error).message}).` } };
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      socket ??= connect();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && socket) {
          socket.close();
          socket = null;
        }
      };
    },
  };
}
