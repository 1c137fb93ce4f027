/**
 * GET /api/site-redirects — every redirect, for the site's renderer (src/redirects). Public
 * (auth: false): redirects are no secret, every visitor of an old address sees them as a 301. The
 * redirect content type itself stays private (no public find: its entries carry who made them).
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/site-redirects',
      handler: 'site-redirects.find',
      config: { auth: false, policies: [], middlewares: [] },
    },
  ],
};
