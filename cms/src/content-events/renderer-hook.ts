import { setTimeout as sleep } from 'node:timers/promises';
import type { Core } from '@strapi/strapi';
import type { RendererConfig } from '../../config/renderer';
import { notificationBody, SIGNATURE_HEADER, signNotification } from '@clinic/contract';
import { onContentChange, type ContentChange } from './index';

/**
 * Tells the prerendering renderer about every content change, so it re-renders the pages
 * concerned within a second of Publish. Each change is POSTed to every RENDERER_HOOK_URL as
 * `{"events":[change, ...]}` (the changes of one tick in one request), signed with
 * RENDER_HOOK_SECRET (the scheme is @clinic/contract's, which the renderer verifies). A failed delivery (no answer, a non-2xx answer, no
 * answer within the timeout) is retried a few times with a short, doubling pause, then logged as a
 * warning: the renderer also re-renders periodically, so a lost notification only delays a page.
 * Nothing here is awaited by, or can fail, the editor's request.
 */

export type RendererHookSettings = RendererConfig['hook'];

/** The hook's settings from config/renderer.ts; throws when they cannot work (checked at load). */
export function rendererHookSettings(strapi: Core.Strapi): RendererHookSettings {
  const hook = strapi.config.get<RendererHookSettings | undefined>('renderer.hook');
  if (!hook) throw new Error('config/renderer.ts is missing its `hook` settings.');
  assertRendererHookSettings(hook);
  return hook;
}

export function assertRendererHookSettings(hook: RendererHookSettings): void {
  if (hook.urls.length === 0) return;
  for (const url of hook.urls) {
    let protocol = '';
    try {
      protocol = new URL(url).protocol;
    } catch {
      // reported below
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
      throw new Error(
        `RENDERER_HOOK_URL must be http(s) URL(s), comma-separated; "${url}" is not one.`,
      );
    }
  }
  if (!hook.secret) {
    throw new Error(
      'RENDERER_HOOK_URL is set but RENDER_HOOK_SECRET is not: the CMS signs its notifications ' +
        'to the renderer with it, and the renderer must be given the same value. Generate one ' +
        'with `openssl rand -base64 32`; for a local run, `node cms/scripts/ensure-env.mjs` writes ' +
        'one into cms/.env.',
    );
  }
}

type Log = Pick<Core.Strapi['log'], 'warn' | 'debug'>;

/** A URL as logged: without credentials, should it carry any. */
function shown(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (cause && typeof cause.code === 'string') return cause.code;
  if (cause && typeof cause.message === 'string') return `${error.message}: ${cause.message}`;
  return error.name === 'TimeoutError' ? 'timed out' : error.message;
}

/**
 * The changes a warning names, so an operator can tell which pages may be stale for a while:
 * documents first (a locale or permission change means "everything" anyway), at most ten.
 */
function summary(events: ContentChange[]): string {
  const named = [
    ...events.filter((e) => e.documentId !== null),
    ...events.filter((e) => e.documentId === null),
  ]
    .slice(0, 10)
    .map((e) => [e.action, e.uid, e.documentId, e.locale].filter(Boolean).join(' '));
  const more = events.length > named.length ? ` and ${events.length - named.length} more` : '';
  return `${events.length} change(s): ${named.join('; ')}${more}`;
}

/** One renderer URL: at most one request in flight; changes arriving meanwhile go in the next. */
function createDelivery(url: string, settings: RendererHookSettings, log: Log, stop: AbortSignal) {
  const name = shown(url);
  let pending: ContentChange[] = [];
  let running = false;

  /** Null when delivered, otherwise why not. */
  async function post(events: ContentChange[]): Promise<string | null> {
    const body = notificationBody(events);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [SIGNATURE_HEADER]: await signNotification(body, settings.secret),
        },
        body,
        signal: AbortSignal.any([stop, AbortSignal.timeout(settings.timeoutMs)]),
      });
      await response.arrayBuffer().catch(() => undefined); // read it, so the connection is reused
      return response.ok ? null : `HTTP ${response.status}`;
    } catch (error) {
      return describe(error);
    }
  }

  async function run(): Promise<void> {
    running = true;
    try {
      while (pending.length > 0 && !stop.aborted) {
        const events = pending; // every change gets the same number of attempts
        pending = [];
        for (let attempt = 1; ; attempt += 1) {
          const problem = await post(events);
          if (problem === null || stop.aborted) break;
          if (attempt > settings.retries) {
            log.warn(
              `[renderer-hook] gave up notifying ${name} after ${attempt} attempt(s) (${problem}) ` +
                `of ${summary(events)}. The renderer's periodic re-render will catch up.`,
            );
            break;
          }
          log.debug(`[renderer-hook] ${name}: ${problem}; retrying`);
          await sleep(settings.retryDelayMs * 2 ** (attempt - 1), undefined, {
            signal: stop,
          }).catch(() => undefined);
        }
      }
    } finally {
      running = false;
    }
  }

  return {
    push(changes: ContentChange[]) {
      pending.push(...changes);
      if (!running) run().catch((error: unknown) => log.warn(`[renderer-hook] ${String(error)}`));
    },
  };
}

const stoppers = new WeakMap<Core.Strapi, () => void>();

/** Subscribes the renderer notification to the content events, when a URL is configured. */
export function startRendererHook(strapi: Core.Strapi, settings: RendererHookSettings): void {
  if (settings.urls.length === 0 || stoppers.has(strapi)) return;
  const stop = new AbortController();
  const deliveries = settings.urls.map((url) =>
    createDelivery(url, settings, strapi.log, stop.signal),
  );
  let batch: ContentChange[] = [];
  const unsubscribe = onContentChange(strapi, (change) => {
    // Changes committed together (e.g. the content manager's save-and-publish) share a request.
    if (batch.length === 0) {
      setImmediate(() => {
        const changes = batch;
        batch = [];
        for (const delivery of deliveries) delivery.push(changes);
      });
    }
    batch.push(change);
  });
  stoppers.set(strapi, () => {
    unsubscribe();
    stop.abort();
  });
  strapi.log.info(`[renderer-hook] notifying ${settings.urls.map(shown).join(', ')} of changes`);
}

/** Stops notifying and abandons deliveries in flight (Strapi is shutting down). */
export function stopRendererHook(strapi: Core.Strapi): void {
  stoppers.get(strapi)?.();
  stoppers.delete(strapi);
}
