// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { ContentChange } from '@clinic/contract';
import { createRenderQueue } from '../render-queue';
import type { RenderReport, SiteRenderer } from '../site-renderer';

const report = (full: boolean): RenderReport => ({ full, pages: 1, removed: 0, failed: 0, ms: 1 });
const change = (documentId: string): ContentChange => ({
  uid: 'api::faq.faq',
  action: 'publish',
  documentId,
  locale: 'en',
  at: '2026-11-30T00:00:00.000Z',
});

/** A renderer whose renders finish when the test says so. */
function fakeRenderer() {
  const calls: Array<{ full: boolean; changes: ContentChange[] }> = [];
  let finish: (() => void) | undefined;
  let fail = false;
  const run = (full: boolean, changes: ContentChange[]) =>
    new Promise<RenderReport>((resolve, reject) => {
      calls.push({ full, changes });
      finish = () => {
        const failing = fail;
        fail = false;
        if (failing) reject(new Error('CMS down'));
        else resolve(report(full));
      };
    });
  const renderer = {
    renderAll: vi.fn(() => run(true, [])),
    renderChanges: vi.fn((changes: ContentChange[]) => run(false, changes)),
    log: vi.fn(),
  } as unknown as SiteRenderer;
  return {
    renderer,
    calls,
    finish: () => finish?.(),
    failNext: () => (fail = true),
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('render queue', () => {
  it('renders one at a time; changes during a render coalesce into one more render', async () => {
    const fake = fakeRenderer();
    const queue = createRenderQueue(fake.renderer, { fullRenderIntervalMs: 0 });
    const first = queue.renderChanges([change('a')]);
    await tick();
    expect(fake.calls).toHaveLength(1);

    const second = queue.renderChanges([change('b')]);
    const third = queue.renderChanges([change('c')]);
    const fourth = queue.renderChanges([change('d')]);
    await tick();
    expect(fake.calls).toHaveLength(1); // still the first

    fake.finish();
    await first;
    await tick();
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls[1]!.changes.map((c) => c.documentId)).toEqual(['b', 'c', 'd']);
    fake.finish();
    await Promise.all([second, third, fourth]);
    expect(fake.calls).toHaveLength(2);
    expect(queue.status.lastSuccess?.report.full).toBe(false);
  });

  it('a full render requested while changes wait makes the next render full', async () => {
    const fake = fakeRenderer();
    const queue = createRenderQueue(fake.renderer, { fullRenderIntervalMs: 0 });
    const first = queue.renderChanges([change('a')]);
    const next = queue.renderChanges([change('b')]);
    const full = queue.renderAll();
    await tick();
    fake.finish();
    await first;
    await tick();
    expect(fake.calls[1]).toEqual({ full: true, changes: [] });
    fake.finish();
    await Promise.all([next, full]);
  });

  it('a failed render is reported and a full render is tried again later', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeRenderer();
      const queue = createRenderQueue(fake.renderer, {
        fullRenderIntervalMs: 0,
        retryDelayMs: 5000,
      });
      fake.failNext();
      const first = queue.renderChanges([change('a')]);
      await vi.advanceTimersByTimeAsync(0);
      fake.finish();
      await first;
      expect(queue.status.lastError?.message).toContain('CMS down');
      expect(queue.status.lastSuccess).toBeNull();
      await vi.advanceTimersByTimeAsync(4999);
      expect(fake.calls).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(fake.calls).toHaveLength(2);
      expect(fake.calls[1]!.full).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a full render that succeeds before the retry replaces it', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeRenderer();
      const queue = createRenderQueue(fake.renderer, {
        fullRenderIntervalMs: 0,
        retryDelayMs: 5000,
      });
      fake.failNext();
      const failed = queue.renderChanges([change('a')]);
      await vi.advanceTimersByTimeAsync(0);
      fake.finish();
      await failed;
      const full = queue.renderAll();
      await vi.advanceTimersByTimeAsync(1000);
      fake.finish();
      await full;
      expect(queue.status.lastSuccess?.report.full).toBe(true);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(fake.calls).toHaveLength(2); // the failed render and the full one: no retry after
    } finally {
      vi.useRealTimers();
    }
  });

  it('renders everything periodically', async () => {
    vi.useFakeTimers();
    try {
      const fake = fakeRenderer();
      const queue = createRenderQueue(fake.renderer, { fullRenderIntervalMs: 60_000 });
      queue.start();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(fake.calls).toEqual([{ full: true, changes: [] }]);
      fake.finish();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(fake.calls).toHaveLength(2);
      fake.finish();
      await queue.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
