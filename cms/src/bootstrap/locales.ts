import type { Core } from '@strapi/strapi';

/** The site's languages; the first is the default locale. */
export const SITE_LOCALES = [
  { code: 'en', name: 'English (en)' },
  { code: 'es', name: 'Spanish (es)' },
] as const;

/** Creates the site's locales when missing and makes English the default. */
export async function ensureLocales(strapi: Core.Strapi): Promise<void> {
  const locales = strapi.plugin('i18n').service('locales');
  const existing: Array<{ code: string }> = await locales.find();
  for (const locale of SITE_LOCALES) {
    if (!existing.some((l) => l.code === locale.code)) {
      await locales.create({ code: locale.code, name: locale.name });
      strapi.log.info(`[locales] created ${locale.code}`);
    }
  }
  const defaultCode = SITE_LOCALES[0].code;
  if ((await locales.getDefaultLocale()) !== defaultCode) {
    await locales.setDefaultLocale({ code: defaultCode });
  }
}
