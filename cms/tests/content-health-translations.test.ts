import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { findingMessage } from '../src/admin/content-health/messages';
import type { Finding } from '../src/admin/content-health/types';
import { modelTranslations } from '../src/admin/content-health/model-labels';
import { publicContentTypes } from '../src/content-model';

// The admin shows each finding in the editor's admin language from its code
// (content-health.finding.<code>), falling back to the server's English. A code without a
// translation, or a key in one language only, would show editors a mix of languages.
const adminDir = join(__dirname, '..', 'src', 'admin', 'content-health', 'translations');
const checksDir = join(__dirname, '..', 'src', 'content-health', 'checks');
const load = (locale: 'en' | 'es') => ({
  ...(JSON.parse(readFileSync(join(adminDir, `${locale}.json`), 'utf8')) as Record<string, string>),
  ...modelTranslations(locale),
});
/** English type names are the schema's own, sent by the server: only Spanish has these keys. */
const isTypeName = (key: string) => key.startsWith('content-health.content-type.');

/** Every finding code the checks can emit, read from their source (`code: '…'`). */
function findingCodes(): string[] {
  const codes = new Set<string>();
  for (const file of readdirSync(checksDir)) {
    const source = readFileSync(join(checksDir, file), 'utf8');
    for (const match of source.matchAll(/\bcode: '([a-z-]+)'/g)) codes.add(match[1]);
  }
  return [...codes].sort();
}

describe('content-health admin translations', () => {
  const en = load('en');
  const es = load('es');

  it('finds the codes the checks emit', () => {
    expect(findingCodes()).toEqual(
      expect.arrayContaining(['reviewer-missing', 'translation-stale', 'link-broken']),
    );
  });

  it('have the same keys in English and Spanish, none empty', () => {
    const keys = (messages: Record<string, string>) =>
      Object.keys(messages)
        .filter((key) => !isTypeName(key))
        .sort();
    expect(keys(es)).toEqual(keys(en));
    for (const [key, text] of [...Object.entries(en), ...Object.entries(es)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it.each(findingCodes())('translate the finding %s', (code) => {
    expect(en[`content-health.finding.${code}`]).toBeTruthy();
    expect(es[`content-health.finding.${code}`]).toBeTruthy();
  });

  it.each(publicContentTypes().map(([uid]) => uid))(
    'name the content type %s in Spanish, from the content model',
    (uid) => {
      expect(es[`content-health.content-type.${uid}`]).toBeTruthy();
      expect(en[`content-health.content-type.${uid}`]).toBeUndefined();
    },
  );

  it('name the fields of the content model in both languages', () => {
    expect(en['content-health.field.definition']).toBe('definition');
    expect(es['content-health.field.definition']).toBe('definición');
    expect(es['content-health.content-type.api::glossary-term.glossary-term']).toBe(
      'Término del glosario',
    );
  });
});

describe('a broken link in the admin’s languages', () => {
  // The finding as the server sends it (src/content-health/checks/links.ts), formatted as the
  // admin does (messages.ts) with each language's messages.
  const finding = {
    id: 'x',
    severity: 'error',
    kind: 'links',
    code: 'link-broken',
    message: 'server English',
    params: {
      field: 'answer',
      fieldLabel: 'answer',
      url: '/es/glossary#ketamina',
      text: 'ketamina',
      slug: 'ketamina',
      targetLocale: 'es',
      language: 'Spanish',
      targetUid: 'api::glossary-term.glossary-term',
      targetType: 'glossary term',
      lands: 'page-without-it',
    },
    entry: {
      uid: 'api::faq.faq',
      documentId: 'd',
      locale: 'en',
      title: 'What?',
      contentType: 'FAQ',
    },
    editUrl: '/content-manager/collection-types/api::faq.faq/d',
  } as const satisfies Finding;
  const format = (locale: 'en' | 'es') =>
    findingMessage(createIntl({ locale, messages: load(locale) }), finding);

  it('names the glossary term in English', () => {
    expect(format('en')).toBe(
      'A link in the answer (“ketamina”) goes to /es/glossary#ketamina, but no published Spanish glossary term has the address “ketamina”: visitors find the page without it.',
    );
  });

  it('names it in Spanish, with the content model’s labels', () => {
    expect(format('es')).toBe(
      'Un enlace en «respuesta» («ketamina») lleva a /es/glossary#ketamina, pero no hay ningún contenido de tipo «Término del glosario» publicado en español con la dirección «ketamina»: los visitantes llegan a la página, pero no lo encuentran.',
    );
  });
});

describe('a failed schedule’s time', () => {
  const finding = {
    id: 'schedule-failed:x',
    severity: 'error',
    kind: 'draft',
    code: 'schedule-failed',
    message: 'The publish scheduled for {at} did not happen: {reason}',
    params: { scheduledAction: 'publish', at: '2026-12-01T09:30:00.000Z', reason: 'refused' },
    entry: {
      uid: 'api::faq.faq',
      documentId: 'd',
      locale: 'en',
      title: 'What?',
      contentType: 'FAQ',
    },
    editUrl: '/content-manager/collection-types/api::faq.faq/d',
  } as const satisfies Finding;
  const format = (locale: 'en' | 'es') =>
    findingMessage(createIntl({ locale, messages: load(locale), timeZone: 'UTC' }), finding);

  it('is written out in the admin’s language, not as ISO 8601', () => {
    expect(format('en')).toMatch(/^The publish scheduled for December 1, 2026 at 9:30\sAM /);
    expect(format('es')).toBe(
      'La publicación programada para el 1 de diciembre de 2026 a las 9:30 no se realizó: refused',
    );
    expect(format('es')).not.toContain('T09:30');
  });
});
