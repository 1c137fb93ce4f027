import type { ContentChange } from '@clinic/contract';
import { describe, type RenderReport, type SiteRenderer } from './site-renderer';

export interface RenderQueueOptions {
  /** A full render this often, to repair anything missed (0: never). */
  fullRenderIntervalMs: number;
  /** After a failed render (the CMS down), a full render is tried again after this long. */
  retryDelayMs?: number;
}

export interface QueueStatus {
  lastSuccess: { at: string; report: RenderReport } | null;
  lastError: { at: string; message: string } | null;
  rendering: boolean;
}

/**
 * Runs one render at a time. Changes that arrive while a render runs are gathered into the one
 * render that follows it, however many arrive. A failed render leaves the pages as they were and
 * schedules a full render to try again; a periodic full render repairs anything missed.
 */
export function createRenderQueue(renderer: SiteRenderer, options: RenderQueueOptions) {
  const retryDelayMs = options.retryDelayMs ?? 10_000;
  let pending: { full: boolean; changes: ContentChange[] } | null = null;
  let waiters: Array<() => void> = [];
  let running: Promise<void> | null = null;
  let retryTimer: NodeJS.Timeout | undefined;
  let periodicTimer: NodeJS.Timeout | undefined;
  const status: QueueStatus = { lastSuccess: null, lastError: null, rendering: false };

  async function drain(): Promise<void> {
    while (pending) {
      const job = pending;
      const done = waiters;
      pending = null;
      waiters = [];
      status.rendering = true;
      try {
        const report = job.full
          ? await renderer.renderAll()
          : await renderer.renderChanges(job.changes);
        status.lastSuccess = { at: new Date().toISOString(), report };
        // A full render did what a scheduled retry would: a second one now would only rewrite
        // every page again (at 10,000 articles, minutes of work) while editors publish.
        if (report.full) clearTimeout(retryTimer);
        renderer.log(
          `${report.full ? 'full render' : `render of ${job.changes.length} change(s)`}: ` +
            `${report.pages} page(s) written, ${report.removed} removed, ${report.failed} failed, ` +
            `${report.ms} ms`,
        );
      } catch (error) {
        status.lastError = { at: new Date().toISOString(), message: describe(error) };
        renderer.log(`render failed, the site keeps its last pages: ${describe(error)}`);
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => void request({ full: true, changes: [] }), retryDelayMs);
        retryTimer.unref();
      } finally {
        status.rendering = false;
        done.forEach((resolve) => resolve());
      }
    }
    running = null;
  }

  /** Queues a render; resolves when a render that includes it has finished (well or not). */
  function request(job: { full: boolean; changes: ContentChange[] }): Promise<void> {
    pending = pending
      ? { full: pending.full || job.full, changes: [...pending.changes, ...job.changes] }
      : job;
    const finished = new Promise<void>((resolve) => waiters.push(resolve));
    running ??= drain();
    return finished;
  }

  return {
    status,
    renderAll: () => request({ full: true, changes: [] }),
    renderChanges: (changes: ContentChange[]) => request({ full: false, changes }),
    /** Starts the periodic full render. */
    start() {
      if (options.fullRenderIntervalMs > 0) {
        periodicTimer = setInterval(
          () => void request({ full: true, changes: [] }),
          options.fullRenderIntervalMs,
        );
        periodicTimer.unref();
      }
    },
    async stop() {
      clearInterval(periodicTimer);
      clearTimeout(retryTimer);
      await running;
    },
  };
}

export type RenderQueue = ReturnType<typeof createRenderQueue>;
