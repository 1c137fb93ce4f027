import type { Core } from '@strapi/strapi';
import { addRouteHook } from '../utils/route-hooks';
import type { PreviewTarget } from './token';

/**
 * Who may get a preview link. Strapi's `GET /content-manager/preview/url/:uid` only checks that an
 * admin is signed in (its source says permissions are a TODO), and a link shows its draft to
 * whoever holds it: so the link is signed only for an entry the admin's role may `read` in the
 * Content Manager, in that locale — the Content Manager's own permission checker, with Strapi's
 * role conditions (an Author reads only what they created; a role limited to some locales reads
 * only those), as the content-health routes use it.
 *
 * Strapi calls the preview handler (config/admin.ts) with `(uid, { documentId, locale, status })`
 * only, and turns anything it throws into a 400 "Failed to get preview URL". So:
 * - the handler reads the admin from the request (`strapi.requestContext`), checks the exact
 *   target it is about to sign, and on a refusal signs nothing, notes why on `ctx.state` and
 *   returns null (no request, or no admin ability: refused too);
 * - a route middleware on that admin route (refusePreviewsTheRoleCannotRead, a route hook) turns
 *   the note into a 403 (or 404) with its message once the handler has run.
 */

interface PermissionChecker {
  can: { read: (entity?: object) => boolean };
}

interface Refusal {
  status: 403 | 404;
  message: string;
}

interface PreviewState {
  userAbility?: unknown;
  previewRefusal?: Refusal;
}

/** Whether the admin of the current request may read `target`; notes the refusal if not. */
export async function mayPreview(strapi: Core.Strapi, target: PreviewTarget): Promise<boolean> {
  const ctx = strapi.requestContext.get() as { state?: PreviewState } | undefined;
  const state = ctx?.state;
  const refuse = (refusal: Refusal) => {
    if (state) state.previewRefusal = refusal;
    return false;
  };
  if (!state?.userAbility) {
    return refuse({ status: 403, message: 'No admin permissions for this request.' });
  }
  const checker = strapi
    .plugin('content-manager')
    .service('permission-checker')
    .create({ userAbility: state.userAbility, model: target.uid }) as PermissionChecker;
  if (!checker.can.read()) {
    return refuse({
      status: 403,
      message: 'Your role is not allowed to read this content type, so it cannot preview it.',
    });
  }
  const version = await strapi.documents(target.uid as 'api::faq.faq').findOne({
    documentId: target.documentId,
    locale: target.locale,
    status: target.status,
    populate: { createdBy: { fields: ['id'] } } as never,
  });
  if (!version) {
    return refuse({
      status: 404,
      message: `This entry has no ${target.status} version in "${target.locale}" to preview.`,
    });
  }
  if (!checker.can.read(version)) {
    return refuse({
      status: 403,
      message:
        `Your role is not allowed to read this entry in "${target.locale}", so it cannot ` +
        'preview it.',
    });
  }
  return true;
}

/** Answers a refused preview link with its 403 or 404 instead of "no preview" (call in register()). */
export function refusePreviewsTheRoleCannotRead(strapi: Core.Strapi): void {
  addRouteHook(strapi, {
    name: 'preview links only for what the role may read',
    api: 'admin',
    required: true,
    applies: (route) =>
      route.pluginName === 'content-manager' && route.handler === 'preview.getPreviewUrl',
    middleware: async (ctx, next) => {
      await next();
      const refusal = (ctx.state as PreviewState).previewRefusal;
      if (!refusal) return;
      if (refusal.status === 404) return ctx.notFound(refusal.message);
      return ctx.forbidden(refusal.message);
    },
  });
}
