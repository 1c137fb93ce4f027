import type { Core } from '@strapi/strapi';
import { addRouteHook } from '../utils/route-hooks';

/**
 * When the admin's session cookie is Secure (PUBLIC_URL is https: config/admin.ts), a sign-in,
 * registration, token refresh or sign-out that reaches the CMS over plain http cannot work: Koa
 * refuses to set a Secure cookie on an http request, and Strapi turns that into a 500. Those
 * routes (Strapi's admin `authentication.*` routes, the ones that set or clear the cookie) answer
 * such a request with a 403 that says what to fix instead. Behind a TLS-terminating proxy the
 * request counts as https when IS_PROXIED=true and the proxy sends X-Forwarded-Proto: https.
 */
export function requireHttpsForAdminSessions(strapi: Core.Strapi): void {
  addRouteHook(strapi, {
    name: 'https-only admin sessions',
    api: 'admin',
    required: true,
    applies: (route) =>
      route.pluginName === 'admin' &&
      route.method !== 'GET' &&
      (route.handler?.startsWith('authentication.') ?? false),
    middleware: async (ctx, next) => {
      const secureCookie = strapi.config.get('admin.auth.cookie.secure') === true;
      if (secureCookie && !ctx.request.secure) {
        const url = strapi.config.get<string>('server.url', '');
        return ctx.forbidden(
          `The admin signs in over https only (PUBLIC_URL is ${url}), and this request reached ` +
            'the CMS over http. Open the admin at its https address; behind a TLS-terminating ' +
            'proxy, set IS_PROXIED=true and have the proxy send X-Forwarded-Proto: https.',
        );
      }
      return next();
    },
  });
}
