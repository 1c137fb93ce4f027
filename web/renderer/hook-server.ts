import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createNotificationVerifier, parseNotification, SIGNATURE_HEADER } from '@clinic/contract';
import type { RenderQueue } from './render-queue';
import type { RedirectLookup } from './redirects';

const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The renderer's HTTP side:
 *   POST /hooks/content  a signed change notification from the CMS → 202, the render queued;
 *   GET  /healthz        200 once the site has been rendered, 503 before (with the last error);
 *   GET  /redirects/<path>  nginx's lookup for a page that does not exist (./redirects.ts): 301 to
 *                        its new address, or 404 (nginx then serves its 404 page).
 */
export function createHookServer(
  queue: RenderQueue,
  secret: string,
  redirects?: RedirectLookup,
): Server {
  const verify = createNotificationVerifier(secret);

  return createServer(async (req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? '/', 'http://renderer');

    if (url.pathname === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      return reply(queue.status.lastSuccess ? 200 : 503, queue.status);
    }
    if (
      redirects &&
      url.pathname.startsWith('/redirects/') &&
      (req.method === 'GET' || req.method === 'HEAD')
    ) {
      const location = await redirects(url.pathname.slice('/redirects'.length), url.search);
      if (!location) return reply(404, { error: 'No redirect' });
      res.writeHead(301, { location, 'cache-control': 'no-cache', 'content-length': '0' });
      return res.end();
    }
    if (url.pathname !== '/hooks/content') return reply(404, { error: 'Not found' });
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return reply(405, { error: 'Use POST' });
    }

    let body: string;
    try {
      body = await readBody(req);
    } catch {
      return reply(413, { error: `The body is larger than ${MAX_BODY_BYTES} bytes` });
    }
    const header = req.headers[SIGNATURE_HEADER.toLowerCase()];
    const verdict = await verify(typeof header === 'string' ? header : undefined, body);
    if (!verdict.ok) return reply(401, { error: `Refused: ${verdict.reason}` });

    const changes = parseNotification(body);
    if (!changes) return reply(400, { error: 'Expected {"events":[{"uid":"…","action":"…"}]}' });
    void queue.renderChanges(changes);
    return reply(202, { queued: changes.length });
  });
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too large'));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
