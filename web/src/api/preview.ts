import { http } from './client';
import { ApiError, isAxiosError, toApiError } from './errors';
import type { Article, Faq, GlossaryTerm, Locale, RiskFactor, SiteSetting } from './types';

/*
 * Kept out of `./index` on purpose: only the lazily loaded preview page imports this module, so
 * none of it ends up in the first page's bundle.
 */

export type PreviewStatus = 'draft' | 'published';

interface PreviewOf<Type extends string, Doc> {
  type: Type;
  locale: Locale;
  status: PreviewStatus;
  document: Doc;
}

/** One document as the editor sees it in the admin, shaped like the public API's entries. */
export type Preview =
  | PreviewOf<'article', Article>
  | PreviewOf<'faq', Faq>
  | PreviewOf<'risk-factor', RiskFactor>
  | PreviewOf<'site-setting', SiteSetting>
  | PreviewOf<'glossary-term', GlossaryTerm>;

export type PreviewType = Preview['type'];

const TYPES: readonly PreviewType[] = [
  'article',
  'faq',
  'risk-factor',
  'site-setting',
  'glossary-term',
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The CMS's own explanation of a refusal (`error.message`), as plain text. */
function refusalMessage(error: unknown): string {
  const body: unknown = isAxiosError(error) ? error.response?.data : undefined;
  const message = isObject(body) && isObject(body.error) ? body.error.message : undefined;
  return typeof message === 'string' ? message.trim().slice(0, 300) : '';
}

/**
 * `GET /api/preview?token=..`: the one draft a signed, short-lived preview token names. The token
 * comes from the page URL (the admin's "Open preview" link); nothing secret is in the bundle.
 * Never cached. Throws ApiError: 'unauthorized' (missing, invalid or expired token; the message
 * is the CMS's, empty when it gave none), 'not-found' (the document is gone in that language), or
 * the usual kinds.
 */
export async function getPreview(token: string): Promise<Preview> {
  try {
    const res = await http.get<unknown>('/preview', { params: { token } });
    const body: unknown = res.data;
    const data = isObject(body) ? body.data : undefined;
    if (
      !isObject(data) ||
      !TYPES.includes(data.type as PreviewType) ||
      (data.locale !== 'en' && data.locale !== 'es') ||
      !isObject(data.document)
    ) {
      throw new ApiError('server', 'Unexpected response');
    }
    return data as unknown as Preview;
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.status === 401) {
      throw new ApiError('unauthorized', refusalMessage(error), 401);
    }
    throw apiError;
  }
}
