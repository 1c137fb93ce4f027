import type { Core } from '@strapi/strapi';
import { buildReport, entryHealth, HealthRequestError, isSeverity } from './service';

/**
 * The admin routes' handlers (routes.ts): GET /content-health/report and GET
 * /content-health/entry. Authentication (an admin session or admin token) and the
 * `admin::isAuthenticatedAdmin` policy run before them; what the user may read is their
 * `ctx.state.userAbility`, applied by the service.
 */

interface Context {
  query: Record<string, unknown>;
  state: { userAbility?: unknown };
  body: unknown;
  badRequest(message: string): void;
  forbidden(message: string): void;
  notFound(message: string): void;
}

/** A query parameter given once, as text; `undefined` when absent. */
function single(ctx: Context, name: string): string | undefined {
  const value = ctx.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new HealthRequestError(400, `The "${name}" parameter must be given once, as text.`);
  }
  return value;
}

/**
 * The user's ability. Both admin strategies (session, admin token) set it; without one the service
 * would filter nothing, so a request without it is refused rather than shown everything.
 */
function abilityOf(ctx: Context): unknown {
  const ability = ctx.state.userAbility;
  if (!ability) throw new HealthRequestError(403, 'No admin permissions for this request.');
  return ability;
}

function answerError(ctx: Context, error: unknown): void {
  if (!(error instanceof HealthRequestError)) throw error;
  if (error.status === 400) ctx.badRequest(error.message);
  else if (error.status === 403) ctx.forbidden(error.message);
  else ctx.notFound(error.message);
}

export function createController(strapi: Core.Strapi) {
  return {
    /** GET /content-health/report[?locale=es][&severity=warning] → { data: Report } */
    async report(ctx: Context) {
      try {
        const locale = single(ctx, 'locale');
        const severity = single(ctx, 'severity');
        if (severity !== undefined && !isSeverity(severity)) {
          throw new HealthRequestError(
            400,
            `Unknown severity "${severity}". Use error, warning or info (that severity or worse).`,
          );
        }
        const report = await buildReport(strapi, {
          ability: abilityOf(ctx),
          locale,
          minSeverity: severity,
        });
        ctx.body = { data: report };
      } catch (error) {
        answerError(ctx, error);
      }
    },

    /** GET /content-health/entry?uid=…&documentId=…&locale=… → { data: { findings, readingLevels } } */
    async entry(ctx: Context) {
      try {
        const health = await entryHealth(strapi, {
          ability: abilityOf(ctx),
          uid: single(ctx, 'uid'),
          documentId: single(ctx, 'documentId'),
          locale: single(ctx, 'locale'),
        });
        ctx.body = { data: health };
      } catch (error) {
        answerError(ctx, error);
      }
    },
  };
}
