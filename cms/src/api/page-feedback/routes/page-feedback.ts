/**
 * page-feedback router: create only, open to visitors without a login. There is no find, findOne,
 * update or delete route, so the public cannot read or change answers whatever the Public role's
 * permissions say; editors read them in the admin (read only, src/bootstrap/editor-role.ts).
 */

import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::page-feedback.page-feedback', {
  only: ['create'],
  config: {
    create: { auth: false, middlewares: ['global::page-feedback-rate-limit'] },
  },
});
