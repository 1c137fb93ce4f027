import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SITE_PAGES } from '../content-health/content-types';
import { publicContentTypes } from '../content-model';
import {
  bilingual,
  checkSitePath,
  comparablePath,
  documentPagePath,
  localeOfPath,
  localizedPath,
  pathInLocale,
  withoutFragment,
  type Problem,
} from './paths';

/**
 * Redirects: a permanent (301) redirect per old address of a page, per language (the localized
 * `api::redirect.redirect` collection, private in the content model: the site reads them through
 * GET /api/site-redirects). Two document service middlewares keep them right, whatever wrote:
 *
 * - on a redirect's create or update (the admin, the API, a script, the middleware below): the
 *   paths are checked and made canonical, the source must not be a live page nor another
 *   redirect's source, and chains collapse: a new X→Y whose Y is already redirected to Z is stored
 *   as X→Z, and the redirects that led to X now lead to Y (Z); a redirect that would lead back to
 *   its own source is refused;
 * - on a publish of a type with a page per document (the content model's `sitePath` with
 *   `:field` in the path, e.g. `/articles/:slug`), in any locale, also by a create or update with
 *   `status: 'published'`: a page whose address changed gets a redirect from its old path to its
 *   new one, and redirects whose source is a live page again are dropped.
 *
 * A refusal is a ValidationError (400 in the admin and the API) with the reason in English and
 * Spanish.
 */
export const REDIRECT_UID = 'api::redirect.redirect';

type Uid = Parameters<Core.Strapi['documents']>[0];

interface RedirectRow {
  id: number;
  documentId: string;
  locale: string;
  source: string;
  target: string;
}

export interface SiteRedirect {
  source: string;
  target: string;
  locale: string;
}

interface SiteLocales {
  locales: string[];
  defaultLocale: string;
}

async function siteLocales(strapi: Core.Strapi): Promise<SiteLocales> {
  const service = strapi.plugin('i18n').service('locales');
  const rows = (await service.find()) as Array<{ code: string }>;
  const defaultLocale = ((await service.getDefaultLocale()) as string) ?? 'en';
  return { locales: rows.map((row) => row.code), defaultLocale };
}

const refuse = (problem: Problem): never => {
  throw new errors.ValidationError(bilingual(problem));
};

const db = (strapi: Core.Strapi) => strapi.db.query(REDIRECT_UID as never);

/** The types with a page per document, and the field in its path (`/articles/:slug`). */
const DOCUMENT_PAGES = SITE_PAGES.filter((page) => !page.inFragment).map((page) => ({
  uid: page.uid,
  field: page.field,
  template: page.template,
  path: page.path,
}));

/** Pages that list or show several documents, as the content model and its page paths say. */
function fixedPages(): string[] {
  const paths = new Set<string>(['/']);
  for (const [, model] of publicContentTypes()) {
    if (model.sitePath === null) continue;
    const path = model.sitePath.replace(/#.*$/, '');
    const placeholder = path.indexOf('/:');
    // `/articles/:slug`: the site lists them at `/articles`.
    paths.add(placeholder === -1 ? path : path.slice(0, placeholder) || '/');
  }
  return [...paths];
}

/**
 * Whether `path` (in `locale`) is a page visitors can open now: a published document's own page,
 * or a page the content model says lists them (`/faq`, `/articles`, `/`).
 */
async function isLivePage(
  strapi: Core.Strapi,
  path: string,
  locale: string,
  site: SiteLocales,
): Promise<boolean> {
  const inLocale = pathInLocale(comparablePath(path), locale, site.defaultLocale);
  if (fixedPages().includes(inLocale)) return true;
  for (const page of DOCUMENT_PAGES) {
    const value = page.path.exec(inLocale)?.[1];
    if (!value) continue;
    const published = await strapi.db.query(page.uid as never).count({
      where: { [page.field]: value, locale, publishedAt: { $notNull: true } },
    });
    if (published > 0) return true;
  }
  return false;
}

async function redirectsIn(strapi: Core.Strapi, locale: string): Promise<RedirectRow[]> {
  return (await db(strapi).findMany({
    where: { locale },
    select: ['id', 'documentId', 'locale', 'source', 'target'],
  })) as RedirectRow[];
}

const samePath = (a: string, b: string) => comparablePath(a) === comparablePath(b);

/**
 * Checks a redirect about to be written and returns its canonical paths; the target collapsed
 * past another redirect (X→Y with Y→Z is X→Z).
 */
async function checkRedirect(
  strapi: Core.Strapi,
  input: { source: unknown; target: unknown; locale: string; documentId?: string },
): Promise<{ source: string; target: string }> {
  const site = await siteLocales(strapi);
  const source = checkSitePath(input.source, 'source');
  if ('problem' in source) return refuse(source.problem);
  const target = checkSitePath(input.target, 'target');
  if ('problem' in target) return refuse(target.problem);
  for (const [path, field] of [
    [source.path, { en: 'old', es: 'antigua' }],
    [target.path, { en: 'new', es: 'nueva' }],
  ] as const) {
    if (localeOfPath(path, site.locales, site.defaultLocale) !== input.locale) {
      const prefix = localizedPath('/', input.locale, site.defaultLocale);
      refuse({
        en:
          input.locale === site.defaultLocale
            ? `The ${field.en} address ${path} is a page in another language: a redirect in this language uses paths without a language prefix.`
            : `The ${field.en} address ${path} is not in this language: its paths start with ${prefix}.`,
        es:
          input.locale === site.defaultLocale
            ? `La dirección ${field.es} ${path} es una página en otro idioma: una redirección en este idioma usa rutas sin prefijo de idioma.`
            : `La dirección ${field.es} ${path} no está en este idioma: sus rutas empiezan por ${prefix}.`,
      });
    }
  }
  if (samePath(source.path, target.path)) {
    refuse({
      en: 'A redirect cannot lead to its own address (a loop).',
      es: 'Una redirección no puede llevar a su propia dirección (un bucle).',
    });
  }
  if (await isLivePage(strapi, source.path, input.locale, site)) {
    refuse({
      en: `${source.path} is a published page: visitors would never be redirected from it. Unpublish it or rename it first.`,
      es: `${source.path} es una página publicada: los visitantes nunca serían redirigidos desde ella. Despublíquela o cámbiele el nombre antes.`,
    });
  }
  const others = (await redirectsIn(strapi, input.locale)).filter(
    (row) => row.documentId !== input.documentId,
  );
  if (others.some((row) => samePath(row.source, source.path))) {
    refuse({
      en: `There is already a redirect from ${source.path}: edit that one.`,
      es: `Ya hay una redirección desde ${source.path}: edite esa.`,
    });
  }
  // Chains collapse: the target is itself redirected, so visitors go straight to the end.
  const onward = others.find((row) => samePath(row.source, target.path));
  const finalTarget = onward ? onward.target : target.path;
  if (samePath(finalTarget, source.path)) {
    refuse({
      en: `${target.path} already redirects to ${source.path}: this redirect would send visitors in a loop.`,
      es: `${target.path} ya redirige a ${source.path}: esta redirección enviaría a los visitantes en un bucle.`,
    });
  }
  return { source: source.path, target: finalTarget };
}

/** The redirects that led to `source` now lead where it leads (A→B, B→C: A→C). */
async function collapseInto(
  strapi: Core.Strapi,
  locale: string,
  source: string,
  target: string,
  exceptDocumentId: string | null,
) {
  for (const row of await redirectsIn(strapi, locale)) {
    // (A row from `target` cannot lead here: checkRedirect refused that as a loop.)
    if (row.documentId === exceptDocumentId || !samePath(row.target, source)) continue;
    await db(strapi).update({ where: { id: row.id }, data: { target } });
  }
}

type DocumentContext = {
  uid: string;
  action: string;
  params: Record<string, unknown> & { data?: Record<string, unknown> };
};

/** The locale a redirect write is in: the one named, else the default. */
async function localeOf(strapi: Core.Strapi, params: DocumentContext['params']): Promise<string> {
  if (typeof params.locale === 'string' && params.locale !== '' && params.locale !== '*') {
    return params.locale;
  }
  return (await siteLocales(strapi)).defaultLocale;
}

async function guardRedirectWrite(strapi: Core.Strapi, ctx: DocumentContext) {
  const { params } = ctx;
  const data = params.data ?? {};
  const locale = await localeOf(strapi, params);
  const documentId = typeof params.documentId === 'string' ? params.documentId : undefined;
  let current: RedirectRow | null = null;
  if (ctx.action === 'update' && documentId) {
    current = (await db(strapi).findOne({
      where: { documentId, locale },
      select: ['id', 'documentId', 'locale', 'source', 'target'],
    })) as RedirectRow | null;
  }
  const checked = await checkRedirect(strapi, {
    source: 'source' in data ? data.source : current?.source,
    target: 'target' in data ? data.target : current?.target,
    locale,
    documentId,
  });
  params.data = { ...data, ...checked };
  return { locale, ...checked };
}

/** The pages of a document in every locale it is published in: locale → path. */
async function publishedPages(
  strapi: Core.Strapi,
  page: (typeof DOCUMENT_PAGES)[number],
  documentId: string,
  site: SiteLocales,
): Promise<Map<string, string>> {
  const rows = (await strapi.db.query(page.uid as never).findMany({
    where: { documentId, publishedAt: { $notNull: true } },
    select: ['locale', page.field],
  })) as Array<Record<string, unknown>>;
  const paths = new Map<string, string>();
  for (const row of rows) {
    const locale = String(row.locale);
    const value = row[page.field];
    const path =
      typeof value === 'string'
        ? documentPagePath(page.template, value, locale, site.defaultLocale)
        : null;
    if (path) paths.set(locale, path);
  }
  return paths;
}

/** A page moved from `from` to `to` (its locale's paths): one redirect, chains collapsed. */
async function recordMove(strapi: Core.Strapi, locale: string, from: string, to: string) {
  const existing = (await redirectsIn(strapi, locale)).find((row) => samePath(row.source, from));
  if (existing) {
    await strapi
      .documents(REDIRECT_UID as Uid)
      .update({ documentId: existing.documentId, locale, data: { target: to } as never });
  } else {
    await strapi
      .documents(REDIRECT_UID as Uid)
      .create({ locale, data: { source: from, target: to } as never });
  }
}

/** Redirects from a page that is live again are dropped: the page wins. */
async function dropRedirectsFrom(strapi: Core.Strapi, locale: string, path: string) {
  for (const row of await redirectsIn(strapi, locale)) {
    if (samePath(row.source, path)) {
      await strapi.documents(REDIRECT_UID as Uid).delete({ documentId: row.documentId, locale });
    }
  }
}

/** The document writes after which a document may have a new published page. */
const PUBLISHING_ACTIONS = new Set(['create', 'update', 'publish']);

/** Every redirect, as the site serves them. */
export async function siteRedirects(strapi: Core.Strapi): Promise<SiteRedirect[]> {
  const rows = (await db(strapi).findMany({
    select: ['locale', 'source', 'target'],
    orderBy: [{ locale: 'asc' }, { source: 'asc' }],
  })) as RedirectRow[];
  return rows.map(({ source, target, locale }) => ({ source, target, locale }));
}

/** Every redirect source in each locale (canonical, decoded): for content health's link check. */
export async function redirectSources(strapi: Core.Strapi): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const row of await siteRedirects(strapi)) {
    sources.set(comparablePath(row.source), withoutFragment(row.target));
  }
  return sources;
}

/** Starts keeping the redirects; call once from the app's `register()`. */
export function registerRedirects(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const ctx = context as unknown as DocumentContext;
    if (ctx.uid === REDIRECT_UID && (ctx.action === 'create' || ctx.action === 'update')) {
      const written = await guardRedirectWrite(strapi, ctx);
      const result = await next();
      const documentId =
        (result as { documentId?: string } | null)?.documentId ??
        (typeof ctx.params.documentId === 'string' ? ctx.params.documentId : null);
      await collapseInto(strapi, written.locale, written.source, written.target, documentId);
      return result;
    }
    const page = DOCUMENT_PAGES.find((one) => one.uid === ctx.uid);
    if (!page || !PUBLISHING_ACTIONS.has(ctx.action)) return next();

    // A create or update may publish too (`status: 'published'`), without a publish call.
    const site = await siteLocales(strapi);
    const named = typeof ctx.params.documentId === 'string' ? ctx.params.documentId : null;
    const before = named ? await publishedPages(strapi, page, named, site) : new Map();
    const result = await next(); // a refused write throws here: nothing is redirected
    const documentId = named ?? (result as { documentId?: string } | null)?.documentId;
    if (typeof documentId !== 'string') return result;
    const after = await publishedPages(strapi, page, documentId, site);
    for (const [locale, path] of after) {
      await dropRedirectsFrom(strapi, locale, path);
      const old = before.get(locale);
      if (old && !samePath(old, path)) await recordMove(strapi, locale, old, path);
    }
    return result;
  });
}
