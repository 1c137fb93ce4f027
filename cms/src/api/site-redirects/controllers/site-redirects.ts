import type { Core } from '@strapi/strapi';
import { siteRedirects } from '../../../redirects';

type Context = Parameters<Core.MiddlewareHandler>[0];

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async find(ctx: Context) {
    // One answer for everyone: no parameters (as the read guard refuses unknown ones).
    const keys = Object.keys(ctx.query ?? {});
    if (keys.length > 0) {
      return ctx.badRequest(
        `GET /api/site-redirects takes no query parameters (got: ${keys.join(', ')}).`,
      );
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { data: await siteRedirects(strapi) };
  },
});
