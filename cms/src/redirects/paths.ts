/**
 * Site paths as redirects hold them: what an editor may write as an old or a new address, how a
 * path names its language, and a document's page path. Pure functions (no Strapi).
 */

/** A message for editors, in both admin languages (the API answers carry both). */
export interface Problem {
  en: string;
  es: string;
}

export const MAX_PATH_LENGTH = 500;

export type PathCheck = { path: string } | { problem: Problem };

/**
 * An editor's path, made canonical (trimmed, one trailing slash dropped: the site has one URL per
 * page), or the reason it is refused. `role` says which field: a source is matched as nginx sees
 * the request path, so it takes no `?query` or `#fragment`; a target may end in `#place`.
 */
export function checkSitePath(input: unknown, role: 'source' | 'target'): PathCheck {
  const field =
    role === 'source'
      ? { en: 'The old address (source)', es: 'La dirección antigua (source)' }
      : { en: 'The new address (target)', es: 'La dirección nueva (target)' };
  const problem = (en: string, es: string): PathCheck => ({
    problem: { en: `${field.en} ${en}`, es: `${field.es} ${es}` },
  });
  if (typeof input !== 'string' || input.trim() === '') {
    return problem('is required.', 'es obligatoria.');
  }
  const raw = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) {
    return problem(
      `must be a path on this site, without a scheme or host (e.g. /articles/new-name, not ${raw}).`,
      `debe ser una ruta de este sitio, sin esquema ni dominio (p. ej. /articles/nuevo-nombre, no ${raw}).`,
    );
  }
  if (!raw.startsWith('/')) {
    return problem(
      'must start with “/” (e.g. /articles/new-name).',
      'debe empezar por “/” (p. ej. /articles/nuevo-nombre).',
    );
  }
  if (raw.length > MAX_PATH_LENGTH) {
    return problem(
      `must be at most ${MAX_PATH_LENGTH} characters long.`,
      `debe tener como máximo ${MAX_PATH_LENGTH} caracteres.`,
    );
  }
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f\\]/.test(raw)) {
    return problem(
      'must not contain spaces, backslashes or control characters.',
      'no debe contener espacios, barras invertidas ni caracteres de control.',
    );
  }
  const hash = raw.indexOf('#');
  const pathPart = hash === -1 ? raw : raw.slice(0, hash);
  if (pathPart.includes('?')) {
    return problem(
      'must not contain “?”: write the path only.',
      'no debe contener “?”: escriba solo la ruta.',
    );
  }
  if (role === 'source' && hash !== -1) {
    return problem(
      'must not contain “#”: browsers never send that part to the site.',
      'no debe contener “#”: los navegadores nunca envían esa parte al sitio.',
    );
  }
  const segments = pathPart.split('/').slice(1);
  if (
    segments.some(
      (segment, i) =>
        segment === '.' || segment === '..' || (segment === '' && i < segments.length - 1),
    )
  ) {
    return problem(
      'must not contain “//”, “/./” or “/../”.',
      'no debe contener “//”, “/./” ni “/../”.',
    );
  }
  try {
    decodeURIComponent(pathPart);
  } catch {
    return problem('has a malformed “%” escape.', 'tiene un escape “%” mal formado.');
  }
  const canonical = pathPart.length > 1 ? pathPart.replace(/\/$/, '') : pathPart;
  return { path: canonical + (hash === -1 ? '' : raw.slice(hash)) };
}

/** The path without its fragment (`/glossary#cortisol` → `/glossary`). */
export const withoutFragment = (path: string) => path.replace(/#.*$/, '');

/**
 * The same path for lookups, as the site's lookup keys it (web/renderer/redirects.ts): without
 * its fragment and one trailing slash, percent-escapes decoded where they can be.
 */
export function comparablePath(path: string): string {
  let plain = withoutFragment(path);
  if (plain.length > 1) plain = plain.replace(/\/$/, '');
  try {
    return decodeURIComponent(plain);
  } catch {
    return plain;
  }
}

/**
 * The language a site path is in: the default locale's pages have no prefix, another locale's
 * are under `/<locale>` (`/es`, `/es/faq`).
 */
export function localeOfPath(
  path: string,
  locales: readonly string[],
  defaultLocale: string,
): string {
  const first = /^\/([^/#]+)/.exec(path)?.[1];
  return first && first !== defaultLocale && locales.includes(first) ? first : defaultLocale;
}

/** A path without its locale prefix (`/es/faq` → `/faq`, `/es` → `/`). */
export function pathInLocale(path: string, locale: string, defaultLocale: string): string {
  if (locale === defaultLocale) return path;
  const rest = path.slice(locale.length + 1);
  return rest === '' || rest.startsWith('#') ? `/${rest}` : rest;
}

/** A path of the default locale's site, in `locale` (`/faq` → `/es/faq`, `/` → `/es`). */
export function localizedPath(path: string, locale: string, defaultLocale: string): string {
  if (locale === defaultLocale) return path;
  return path === '/' ? `/${locale}` : `/${locale}${path}`;
}

const PLACEHOLDER = /:([A-Za-z_][A-Za-z0-9_]*)/;

/**
 * The page of one document (`/articles/:slug` with its slug), in its locale; null when the
 * template names no document's own page (`/faq`, `/glossary#:slug`: a place on a page).
 */
export function documentPagePath(
  template: string,
  value: string,
  locale: string,
  defaultLocale: string,
): string | null {
  if (template.includes('#') || !PLACEHOLDER.test(template) || value === '') return null;
  return localizedPath(template.replace(PLACEHOLDER, value), locale, defaultLocale);
}

/** Both languages in one message (the admin shows the API's message as it is). */
export const bilingual = (problem: Problem) => `${problem.en} — ${problem.es}`;
