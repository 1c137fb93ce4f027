import type { Core } from '@strapi/strapi';
import { readLog, type LogQuery } from './store';

/**
 * GET /publish-log: the admin's only route to the log (there is no route that writes, edits or
 * deletes a row, in the admin API or the content API). Admin sessions and admin tokens with the
 * `api::publish-log.read` permission (Super Admins; Clinical reviewers and Editors from the start,
 * src/publish-log/index.ts) get in; others get 403.
 *
 * Filters (all optional): `documentId`, `title` (part of the entry's title), `actor` (part of the
 * writer's name), `from` and `to` (dates YYYY-MM-DD, `to` included), `page` (from 1),
 * `pageSize` (1-100, 25).
 */

class BadQuery extends Error {}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function parseQuery(raw: Record<string, unknown>): LogQuery {
  const text = (name: string, max = 200): string | undefined => {
    const value = raw[name];
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string') throw new BadQuery(`"${name}" must be given once, as text.`);
    if (value.length > max) throw new BadQuery(`"${name}" is longer than ${max} characters.`);
    return value;
  };
  const day = (name: string, plusDays = 0): Date | undefined => {
    const value = text(name, 10);
    if (value === undefined) return undefined;
    const date = new Date(`${value}T00:00:00Z`);
    if (!DAY.test(value) || Number.isNaN(date.getTime())) {
      throw new BadQuery(`"${name}" must be a date written YYYY-MM-DD; it is "${value}".`);
    }
    return new Date(date.getTime() + plusDays * 24 * 60 * 60 * 1000);
  };
  const whole = (name: string, fallback: number, max: number): number => {
    const value = text(name, 6);
    if (value === undefined) return fallback;
    const number = Number(value);
    if (!/^\d+$/.test(value) || number < 1 || number > max) {
      throw new BadQuery(`"${name}" must be a whole number from 1 to ${max}; it is "${value}".`);
    }
    return number;
  };
  const known = ['documentId', 'title', 'actor', 'from', 'to', 'page', 'pageSize'];
  const unknown = Object.keys(raw).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    throw new BadQuery(`Unknown parameter "${unknown[0]}". Use ${known.join(', ')}.`);
  }
  return {
    documentId: text('documentId'),
    title: text('title'),
    actor: text('actor'),
    from: day('from'),
    to: day('to', 1),
    page: whole('page', 1, 100000),
    pageSize: whole('pageSize', 25, 100),
  };
}

interface Context {
  query: Record<string, unknown>;
  body: unknown;
  badRequest(message: string): void;
}

export function registerPublishLogRoutes(strapi: Core.Strapi): void {
  const config = {
    policies: [
      'admin::isAuthenticatedAdmin',
      { name: 'admin::hasPermissions', config: { actions: ['api::publish-log.read'] } },
    ],
  };
  strapi.server.routes({
    type: 'admin',
    prefix: '/publish-log',
    routes: [
      {
        method: 'GET',
        path: '/',
        config,
        async handler(ctx: Context) {
          let query: LogQuery;
          try {
            query = parseQuery(ctx.query);
          } catch (error) {
            if (error instanceof BadQuery) return ctx.badRequest(error.message);
            throw error;
          }
          const { rows, total } = await readLog(strapi, query);
          ctx.body = {
            data: rows,
            meta: {
              pagination: {
                page: query.page,
                pageSize: query.pageSize,
                total,
                pageCount: Math.ceil(total / query.pageSize),
              },
            },
          };
        },
      },
    ],
  } as unknown as Parameters<Core.Strapi['server']['routes']>[0]);
}
