/**
 * page-feedback controller: create only (src/page-feedback). The body is checked against the
 * allowlist and the path against the site's pages before anything is written; whatever does not
 * fit gets a 400 with a message and nothing is stored. Only the answer is stored: no address,
 * user agent, cookie or time other than the entry's own creation date.
 */

import { factories } from '@strapi/strapi';
import { isSitePage } from '../../../page-feedback/pages';
import { FEEDBACK_UID, parseFeedback } from '../../../page-feedback/rules';

export default factories.createCoreController(FEEDBACK_UID, ({ strapi }) => ({
  async create(ctx) {
    const locales = (
      (await strapi.plugin('i18n').service('locales').find()) as Array<{ code: string }>
    ).map((locale) => locale.code);
    const parsed = parseFeedback(ctx.request.body, locales);
    if (!parsed.ok) return ctx.badRequest(parsed.message);
    const { path, locale, answer, reason } = parsed.value;
    if (!(await isSitePage(strapi, path, locale))) {
      return ctx.badRequest(`"${path}" is not a page of the site in "${locale}".`);
    }
    await strapi.documents(FEEDBACK_UID).create({
      data: { path, pageLocale: locale as 'en' | 'es', answer, reason: reason ?? undefined },
    });
    ctx.status = 201;
    ctx.body = { data: { path, locale, answer, reason } };
  },
}));
