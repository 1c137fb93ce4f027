/**
 * GET /api/preview?token=… — one draft for the site's preview page. Public at the route level
 * (auth: false) because the signed, short-lived token is the credential.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/preview',
      handler: 'preview.find',
      config: { auth: false, policies: [], middlewares: [] },
    },
  ],
};
