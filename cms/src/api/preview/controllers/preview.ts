import type { Core } from '@strapi/strapi';
import { isPreviewable, PREVIEWABLE } from '../../../preview/targets';
import { verifyPreviewToken } from '../../../preview/token';

type Context = Parameters<Core.MiddlewareHandler>[0];

const REFUSALS = {
  missing: 'A preview link is needed to see unpublished content.',
  malformed: 'This preview link is not valid.',
  'bad-signature': 'This preview link is not valid.',
  expired: 'This preview link has expired. Open the preview again from the admin.',
} as const;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Robots-Tag', 'noindex');
    const secret = process.env.PREVIEW_SECRET ?? '';
    const verified = verifyPreviewToken(ctx.query.token, secret);
    if (!verified.ok) return ctx.unauthorized(REFUSALS[verified.reason]);

    const { uid, documentId, locale, status } = verified.target;
    if (!isPreviewable(uid)) return ctx.badRequest('This content type cannot be previewed.');
    const { type, populate } = PREVIEWABLE[uid];
    const document = await strapi
      .documents(uid)
      .findOne({ documentId, locale, status, populate: populate as never });
    if (!document) return ctx.notFound('This content no longer exists in that language.');

    const schema = strapi.getModel(uid);
    const data = await strapi.contentAPI.sanitize.output(document, schema, { auth: false });
    ctx.body = { data: { type, locale, status, document: data } };
  },
});
