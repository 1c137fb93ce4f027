import { modelName } from '../../content-model';
import { healthContentType, SITE_PAGES } from '../content-types';
import { comparablePath } from '../../redirects/paths';
import { siteLinkTarget, sitePathOf, type SiteLocales } from '../site-links';
import { blocksLinks } from '../text';
import type { Check, CheckContext, Finding } from '../types';
import {
  analysedVersions,
  fieldLabelOf,
  languageName,
  makeFinding,
  typeNameInSentence,
} from './helpers';

/** The site's locales and address, as the link targets are read against them. */
export const siteOf = (context: Pick<CheckContext, 'locales' | 'defaultLocale' | 'settings'>) =>
  ({
    locales: context.locales,
    defaultLocale: context.defaultLocale,
    siteUrl: context.settings.siteUrl,
  }) satisfies SiteLocales;

/**
 * `link-broken` (error): a link in a rich-text field (the content model's `linkFields`: article
 * body, FAQ answer, settings crisis help) names a document on the site (a site path of the
 * content model: `/articles/<slug>`, `/glossary#<slug>`, or the same under `/es`) that has no
 * published document with that value in that locale: visitors get a "page not found", or the
 * page without what the link promised. One per field and target.
 *
 * `link-redirected` (warning): the link goes to an old address the site redirects (an article
 * renamed, a redirect an editor made, src/redirects): visitors land, one redirect later, and the
 * redirect must be kept for them. One per field and old address; no `link-broken` for it.
 */
export const linksCheck: Check = (document, context) => {
  const fields = healthContentType(document.uid)?.linkFields ?? [];
  if (fields.length === 0) return [];
  const site = siteOf(context);
  const findings: Finding[] = [];
  for (const [locale, version] of analysedVersions(document, context)) {
    for (const field of fields) {
      const seen = new Set<string>();
      for (const link of blocksLinks(version.data[field])) {
        const path = sitePathOf(link.url, site.siteUrl)?.path;
        const redirectedTo = path ? context.redirects?.get(comparablePath(path)) : undefined;
        if (path && redirectedTo) {
          const key = `redirect ${comparablePath(path)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          findings.push(
            makeFinding(context, {
              document,
              locale,
              title: version.title,
              severity: 'warning',
              kind: 'links',
              code: 'link-redirected',
              message:
                'A link in the {fieldLabel} (“{text}”) goes to {url}, an old address that now ' +
                'redirects to {target}: link to {target} instead.',
              params: {
                field,
                fieldLabel: fieldLabelOf(document.uid, field),
                url: link.url,
                text: link.text,
                target: redirectedTo,
              },
              idSuffix: [field, 'redirect', comparablePath(path)],
            }),
          );
          continue;
        }
        const target = siteLinkTarget(link.url, site, SITE_PAGES);
        if (!target) continue;
        const key = `${target.uid}/${target.locale}/${target.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (context.publishedLinkTargets[target.uid]?.[target.locale]?.has(target.value)) continue;
        findings.push(
          makeFinding(context, {
            document,
            locale,
            title: version.title,
            severity: 'error',
            kind: 'links',
            code: 'link-broken',
            message:
              'A link in the {fieldLabel} (“{text}”) goes to {url}, but no published {language} ' +
              '{targetType} has the address “{slug}”: ' +
              (target.inFragment
                ? 'visitors find the page without it.'
                : 'visitors get a “page not found”.'),
            params: {
              field,
              fieldLabel: fieldLabelOf(document.uid, field),
              url: link.url,
              text: link.text,
              slug: target.value,
              targetLocale: target.locale,
              language: languageName(context, target.locale),
              targetUid: target.uid,
              targetType: typeNameInSentence(context, target.uid),
              lands: target.inFragment ? 'page-without-it' : 'not-found',
            },
            idSuffix: [field, modelName(target.uid), `${target.locale}/${target.value}`],
          }),
        );
      }
    }
  }
  return findings;
};
