import { ref, type Ref } from 'vue';
import { toApiError, type ApiError } from '@/api';

export type ResourceStatus = 'idle' | 'loading' | 'success' | 'error';

export interface ResourceState<T> {
  status: ResourceStatus;
  data: T | undefined;
  error: ApiError | undefined;
}

export const IDLE: Readonly<ResourceState<never>> = Object.freeze({
  status: 'idle',
  data: undefined,
  error: undefined,
});

export interface ResourceMap<T> {
  entries: Ref<Record<string, ResourceState<T>>>;
  /** Current state for a key (idle when never requested). */
  get(key: string): ResourceState<T>;
  /**
   * Loads once: results (and not-found answers) are kept, a request in flight is shared, other
   * errors are retried. Never rejects.
   */
  load(key: string): Promise<void>;
  /** Loads again even when cached (retry); still shares a request in flight. */
  reload(key: string): Promise<void>;
}

/**
 * Keyed cache for one kind of CMS resource, used inside Pinia setup stores.
 * One request in flight per key; successful results are kept for the session.
 */
export function createResourceMap<T>(fetcher: (key: string) => Promise<T>): ResourceMap<T> {
  const entries = ref<Record<string, ResourceState<T>>>({}) as Ref<
    Record<string, ResourceState<T>>
  >;
  const inFlight = new Map<string, Promise<void>>();

  function get(key: string): ResourceState<T> {
    return entries.value[key] ?? IDLE;
  }

  function start(key: string): Promise<void> {
    const pending = inFlight.get(key);
    if (pending) return pending;
    const previous = entries.value[key];
    entries.value[key] = { status: 'loading', data: previous?.data, error: undefined };
    const request = fetcher(key)
      .then(
        (data) => {
          entries.value[key] = { status: 'success', data, error: undefined };
        },
        (error: unknown) => {
          entries.value[key] = { status: 'error', data: undefined, error: toApiError(error) };
        },
      )
      .finally(() => {
        inFlight.delete(key);
      });
    inFlight.set(key, request);
    return request;
  }

  function load(key: string): Promise<void> {
    const entry = entries.value[key];
    // Loaded data and definite "not found" answers are kept; other errors are tried again.
    if (entry?.status === 'success' || entry?.error?.kind === 'not-found') return Promise.resolve();
    return start(key);
  }

  return { entries, get, load, reload: start };
}
