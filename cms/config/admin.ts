import type { Core } from '@strapi/strapi';
import { isPreviewable } from '../src/preview/targets';
import { createPreviewToken } from '../src/preview/token';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  const siteUrl = env('SITE_URL', 'http://localhost:5173').replace(/\/$/, '');
  return {
    auth: {
      secret: env('ADMIN_JWT_SECRET')!,
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
    // after PREVIEW_TOKEN_TTL_SECONDS (see src/preview/token.ts).
    preview: {
      enabled: true,
      config: {
        allowedOrigins: [siteUrl],
        async handler(uid: string, { documentId, locale, status }) {
          if (!isPreviewable(uid) || !documentId) return null;
          const token = createPreviewToken(
            {
              uid,
              documentId,
              locale: locale ?? 'en',
              status: status === 'published' ? 'published' : 'draft',
            },
            env('PREVIEW_SECRET', ''),
            { ttlSeconds: env.int('PREVIEW_TOKEN_TTL_SECONDS', 600) },
          );
          // The site's Spanish pages live under /es, so the page around the draft is Spanish too.
          const prefix = locale && locale !== 'en' ? `/${locale}` : '';
          return `${siteUrl}${prefix}/preview?token=${encodeURIComponent(token)}`;
        },
      },
    },
  };
};

export default config;
