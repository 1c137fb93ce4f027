import type { AxiosError } from 'axios';

/**
 * What can go wrong when talking to the CMS, in the terms the UI cares about.
 * Components only ever see an ApiError, never an axios error.
 */
export type ApiErrorKind =
  | 'offline'
  | 'timeout'
  | 'not-found'
  | 'server'
  | 'bad-request'
  /** Only from getPreview: the preview token is missing, invalid or expired (HTTP 401). */
  | 'unauthorized';

export class ApiError extends Error {
  readonly kind: ApiErrorKind;
  readonly status: number | undefined;

  constructor(kind: ApiErrorKind, message: string, status?: number) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return value instanceof ApiError;
}

/**
 * axios's own test (`isAxiosError`), without importing axios: the browser loads axios only when
 * it first fetches, and a prerendered page's errors module must not pull it in.
 */
export function isAxiosError(error: unknown): error is AxiosError {
  return typeof error === 'object' && error !== null && (error as AxiosError).isAxiosError === true;
}

function isBrowserOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false;
}

/** Turns anything thrown while requesting the CMS into an ApiError. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;

  if (isAxiosError(error)) {
    const status = error.response?.status;
    if (status !== undefined) {
      if (status === 404) return new ApiError('not-found', 'Not found', status);
      if (status === 408 || status === 504) return new ApiError('timeout', 'Timed out', status);
      if (status >= 500) return new ApiError('server', 'Server error', status);
      return new ApiError('bad-request', 'Request rejected', status);
    }
    if (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT') {
      return new ApiError('timeout', 'Timed out');
    }
    if (error.code === 'ERR_NETWORK' || isBrowserOffline()) {
      return new ApiError('offline', 'Network unavailable');
    }
    return new ApiError('server', 'Request failed');
  }

  if (isBrowserOffline()) return new ApiError('offline', 'Network unavailable');
  return new ApiError('server', 'Unexpected error');
}
