/**
 * A local stand-in for an OpenAI-compatible endpoint: a node:http server on 127.0.0.1 that replays
 * recorded responses in order and keeps every request it received. No network, no model.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A recorded response: a JSON body, a raw (possibly malformed) body, or no answer at all. */
export type Reply = { json: unknown; status?: number } | { raw: string; status?: number; contentType?: string } | { hang: true };

export interface FakeEndpoint {
  /** Base URL to give the clients, ending in `/v1`. */
  url: string;
  /** Parsed JSON bodies of the requests, in order. */
  requests: Array<Record<string, unknown> & { messages?: Array<{ role: string; content: unknown; tool_calls?: unknown }> }>;
  /** Replies not yet used. */
  remaining(): number;
  close(): Promise<void>;
}

/**
 * Starts the fake endpoint with the replies to give, one per request in order, or a function
 * choosing the reply from the request body.
 *
 * @example
 *   const fake = await startFake([{ json: completion }]);
 *   const config = { baseUrl: fake.url, apiKey: 'test', model: 'fake', … };
 */
export async function startFake(replies: Reply[] | ((body: Record<string, unknown>) => Reply | undefined)): Promise<FakeEndpoint> {
  const queue = Array.isArray(replies) ? [...replies] : [];
  const next = (body: Record<string, unknown>) => (Array.isArray(replies) ? queue.shift() : replies(body));
  const requests: FakeEndpoint['requests'] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      try {
        requests.push(JSON.parse(body || '{}'));
      } catch {
        requests.push({ unparsable: body });
      }
      const reply = next(requests[requests.length - 1]!);
      if (!reply) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: 'the fake endpoint has no more recorded replies', type: 'server_error' } }));
        return;
      }
      if ('hang' in reply) return; // never answers: the client's timeout must fire
      if ('raw' in reply) {
        res.writeHead(reply.status ?? 200, { 'content-type': reply.contentType ?? 'application/json' });
        res.end(reply.raw);
        return;
      }
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply.json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    remaining: () => queue.length,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Text content of a request message (string or content parts). */
export function contentOf(m: { content: unknown } | undefined): string {
  if (!m) return '';
  if (typeof m.content === 'string') return m.content;
  if (Array.isArray(m.content)) return m.content.map((p: { text?: string }) => p.text ?? '').join('');
  return '';
}
