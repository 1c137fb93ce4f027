// Fetch hooks for the content-health admin routes, through Strapi's fetch client (it adds the
// admin's token and refreshes it when it expires).
import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { EntryHealth, Report, Severity } from './types';

export interface HealthError {
  /** The HTTP status, when the server answered. */
  status?: number;
  /** The server's explanation, when it gave one (English). */
  message?: string;
}

export interface Query<T> {
  /** The last data received; kept while a newer request is on its way. */
  data?: T;
  error?: HealthError;
  loading: boolean;
  refetch: () => void;
}

type Params = Record<string, string | undefined>;

function toHealthError(error: unknown): HealthError {
  const fetchError = error as {
    status?: number;
    message?: string;
    response?: { status?: number; data?: { error?: { status?: number; message?: string } } };
  };
  const body = fetchError?.response?.data?.error;
  return {
    status: body?.status ?? fetchError?.response?.status ?? fetchError?.status,
    message: body?.message ?? fetchError?.message,
  };
}

/**
 * GET `url` with `params` (undefined values left out) whenever they change, when `refetch` is
 * called or when `version` changes. `url: null` waits (nothing to ask yet). Answers to requests
 * that have been superseded are ignored.
 */
function useAdminGet<T>(url: string | null, params: Params, version?: unknown): Query<T> {
  const { get } = useFetchClient();
  const [attempt, setAttempt] = React.useState(0);
  const [state, setState] = React.useState<Omit<Query<T>, 'refetch'>>({ loading: url !== null });

  const cleanParams = Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const key = url === null ? null : `${url}?${new URLSearchParams(cleanParams).toString()}`;

  React.useEffect(() => {
    if (url === null) return undefined;
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    get<{ data: T }>(url, { params: cleanParams }).then(
      (response) => {
        if (current) setState({ data: response.data.data, loading: false });
      },
      (error: unknown) => {
        if (current) setState({ error: toHealthError(error), loading: false });
      },
    );
    return () => {
      current = false;
    };
    // `key` stands for url and params (a new params object every render).
  }, [key, attempt, version, get]);

  const refetch = React.useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, refetch };
}

/** The whole report, optionally only one locale's or one severity's findings. */
export function useHealthReport(
  filters: { locale?: string; severity?: Severity } = {},
): Query<Report> {
  return useAdminGet<Report>('/content-health/report', {
    locale: filters.locale,
    severity: filters.severity,
  });
}

/**
 * One entry's findings and reading levels in one locale, computed on its draft. Asks again when
 * `version` changes (e.g. the entry's `updatedAt` after a save).
 */
export function useEntryHealth(
  entry: { uid: string; documentId?: string; locale?: string },
  version?: unknown,
): Query<EntryHealth> {
  return useAdminGet<EntryHealth>(
    entry.documentId ? '/content-health/entry' : null,
    { uid: entry.uid, documentId: entry.documentId, locale: entry.locale },
    version,
  );
}

export interface AdminLocale {
  code: string;
  name: string;
  isDefault?: boolean;
}

/** The locales set up in the CMS (Settings → Internationalization). */
export function useContentLocales(): Query<AdminLocale[]> {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<Omit<Query<AdminLocale[]>, 'refetch'>>({
    loading: true,
  });
  React.useEffect(() => {
    let current = true;
    // The i18n plugin's route answers the bare array, not `{ data }`.
    get<AdminLocale[]>('/i18n/locales').then(
      (response) => current && setState({ data: response.data, loading: false }),
      (error: unknown) => current && setState({ error: toHealthError(error), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [get]);
  return { ...state, refetch: () => undefined };
}
