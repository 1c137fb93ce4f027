import { factories } from '@strapi/strapi';

// Reads never serve drafts; writes stay behind Strapi's permissions (403 for the public).
export default factories.createCoreRouter('api::site-setting.site-setting', {
  config: {
    find: { middlewares: ['global::public-read-guard'] },
  },
});
