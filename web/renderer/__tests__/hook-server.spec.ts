// @vitest-environment node
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHookServer } from '../hook-server';
import type { RenderQueue } from '../render-queue';

const SECRET = 'hook-secret';
let server: Server;
let base: string;
let queue: { renderChanges: ReturnType<typeof vi.fn>; status: RenderQueue['status'] };

beforeEach(async () => {
  queue = {
    renderChanges: vi.fn(async () => {}),
    status: { lastSuccess: null, lastError: null, rendering: false },
  };
  server = createHookServer(queue as unknown as RenderQueue, SECRET);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function signed(body: string, secret = SECRET, t = Date.now()) {
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return { 'content-type': 'application/json', 'x-signature': `t=${t},v1=${v1}` };
}

const post = (body: string, headers: Record<string, string>) =>
  fetch(`${base}/hooks/content`, { method: 'POST', body, headers });

describe('hook server', () => {
  const body = JSON.stringify({
    events: [
      {
        uid: 'api::faq.faq',
        action: 'publish',
        documentId: 'abc',
        locale: 'en',
        at: '2026-11-30T10:00:00.000Z',
      },
    ],
  });

  it('queues the changes of a signed notification (202)', async () => {
    const response = await post(body, signed(body));
    expect(response.status).toBe(202);
    expect(queue.renderChanges).toHaveBeenCalledWith([
      {
        uid: 'api::faq.faq',
        action: 'publish',
        documentId: 'abc',
        locale: 'en',
        at: '2026-11-30T10:00:00.000Z',
      },
    ]);
  });

  it.each([
    ['unsigned', {}],
    ['signed with another secret', signed(body, 'not-the-secret')],
    ['stale', signed(body, SECRET, Date.now() - 10 * 60 * 1000)],
  ])('refuses an %s call (401) and renders nothing', async (_name, headers) => {
    const response = await post(body, headers as Record<string, string>);
    expect(response.status).toBe(401);
    expect((await response.json()).error).toMatch(/^Refused: /);
    expect(queue.renderChanges).not.toHaveBeenCalled();
  });

  it('refuses a replayed call', async () => {
    const headers = signed(body);
    expect((await post(body, headers)).status).toBe(202);
    expect((await post(body, headers)).status).toBe(401);
    expect(queue.renderChanges).toHaveBeenCalledTimes(1);
  });

  it.each(['not json', '{"events":"no"}', '{"events":[{"uid":1}]}'])(
    'answers 400 to a signed body that is not a notification: %s',
    async (bad) => {
      const response = await post(bad, signed(bad));
      expect(response.status).toBe(400);
      expect(queue.renderChanges).not.toHaveBeenCalled();
    },
  );

  it('only POST on /hooks/content; 404 elsewhere', async () => {
    expect((await fetch(`${base}/hooks/content`)).status).toBe(405);
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });

  it('/healthz is 503 until the site is rendered, then 200', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
    queue.status.lastSuccess = {
      at: new Date().toISOString(),
      report: { full: true, pages: 16, removed: 0, failed: 0, ms: 100 },
    };
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect((await response.json()).lastSuccess.report.pages).toBe(16);
  });
});
