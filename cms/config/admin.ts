import type { Core } from '@strapi/strapi';
import { previewLinkHandler } from '../src/preview/admin-handler';

/** Secure cookies for an https PUBLIC_URL, none for an http one; unset: Strapi decides. */
function cookieSecure(publicUrl: string): boolean | undefined {
  if (publicUrl.trim() === '') return undefined;
  return /^https:\/\//i.test(publicUrl.trim());
}

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  const siteUrl = env('SITE_URL', 'http://localhost:5173').replace(/\/$/, '');
  return {
    auth: {
      secret: env('ADMIN_JWT_SECRET')!,
      // The admin's session (refresh) cookie is Secure whenever the CMS's public address is https,
      // whatever NODE_ENV (Strapi's default: only in production, and only when the request itself
      // is https). A sign-in that reaches the CMS over http then gets a 403 that says why
      // (src/security/admin-https.ts) rather than Koa's refusal to set the cookie (a 500). An http
      // PUBLIC_URL: not Secure (it could not be sent back); none: Strapi's default.
      cookie: { secure: cookieSecure(env('PUBLIC_URL', '')) },
    },
    apiToken: {
      salt: env('API_TOKEN_SALT')!,
    },
    transfer: {
      token: {
        salt: env('TRANSFER_TOKEN_SALT')!,
      },
    },
    secrets: {
      encryptionKey: env('ENCRYPTION_KEY')!,
    },
    flags: {
      nps: env.bool('FLAG_NPS', false),
      promoteEE: env.bool('FLAG_PROMOTE_EE', false),
      docLinks: env.bool('FLAG_DOC_LINKS', true),
    },
    // Editors preview a draft on the real site: the link carries a signed token that expires
    // after PREVIEW_TOKEN_TTL_SECONDS (src/preview/token.ts), signed only for an entry the admin's
    // role may read in that locale (src/preview/permission.ts).
    preview: {
      enabled: true,
      config: {
        allowedOrigins: [siteUrl],
        handler: previewLinkHandler({
          siteUrl,
          secret: env('PREVIEW_SECRET', ''),
          ttlSeconds: env.int('PREVIEW_TOKEN_TTL_SECONDS', 600),
          defaultLocale: 'en',
        }),
      },
    },
  };
};

export default config;
