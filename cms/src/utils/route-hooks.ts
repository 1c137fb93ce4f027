import type { Core } from '@strapi/strapi';

/**
 * Route middlewares the CMS adds to routes it does not define itself (Strapi's admin, the content
 * manager's preview, every content-API read of every content type), chosen by what the route is
 * rather than listed in each route file: a content type generated later, or a plugin's route,
 * gets them without anyone remembering to.
 *
 * How: in register(), before Strapi registers any route (it does in bootstrap, after every
 * register()), the `routes()` of the admin and content APIs (`strapi.server.api(type)`) is wrapped;
 * every route passing through it is offered to each hook, and a hook that applies puts its
 * middleware first in the route's `config.middlewares`. Route middlewares run after
 * authentication and authorization (so `ctx.state.auth`, `ctx.state.userAbility` and
 * `ctx.state.route` are set) and before the handler.
 *
 * A hook marked `required` must have found a route by the end of start-up
 * (assertRouteHooksApplied, from bootstrap()): should a Strapi upgrade rename or move the route,
 * the CMS refuses to start instead of silently running without the check.
 */

export type ApiType = 'admin' | 'content-api';

/** What a hook sees of a route. */
export interface RouteDescription {
  method: string;
  /** As defined, without the API's or router's prefix (e.g. `/login`, `/faqs/:id`). */
  path: string;
  /** The router's prefix, when it has one (`/admin`, `/content-manager`…). */
  prefix: string;
  /** `controller.action` (or `api::x.y.action`); `null` for a function handler. */
  handler: string | null;
  /** `info.pluginName` (`admin`, `content-manager`…) or `info.apiName` (`faq`…). */
  pluginName?: string;
  apiName?: string;
}

export interface RouteHook {
  /** Names the hook in errors and logs. */
  name: string;
  api: ApiType;
  applies(route: RouteDescription): boolean;
  middleware: Core.MiddlewareHandler;
  /** Start-up fails when no route had the hook. */
  required: boolean;
}

interface RouteInput {
  method: string;
  path: string;
  handler: unknown;
  info?: { pluginName?: string; apiName?: string };
  config?: { middlewares?: unknown[]; [key: string]: unknown };
}
type RoutesInput = RouteInput[] | { prefix?: string; routes?: RouteInput[] };
interface RoutableApi {
  routes(routes: RoutesInput): unknown;
}

interface Registry {
  hooks: RouteHook[];
  /** Routes each hook was added to. */
  applied: Map<RouteHook, RouteDescription[]>;
}

const registries = new WeakMap<Core.Strapi, Registry>();

/**
 * Marks the middlewares hooks add. Strapi's and its plugins' route definitions are module-level
 * objects, shared by every Strapi created in the process (the tests create several, one after
 * the other): a route keeps no hook middleware of an earlier instance.
 */
const HOOKED = Symbol('route hook');
type Hooked = Core.MiddlewareHandler & { [HOOKED]?: Core.Strapi };
const isFromAnotherStrapi = (strapi: Core.Strapi) => (middleware: unknown) =>
  typeof middleware === 'function' &&
  (middleware as Hooked)[HOOKED] !== undefined &&
  (middleware as Hooked)[HOOKED] !== strapi;

function describeRoute(route: RouteInput, prefix: string): RouteDescription {
  return {
    method: String(route.method).toUpperCase(),
    path: route.path,
    prefix,
    handler: typeof route.handler === 'string' ? route.handler : null,
    pluginName: route.info?.pluginName,
    apiName: route.info?.apiName,
  };
}

function registryOf(strapi: Core.Strapi): Registry {
  const registry = registries.get(strapi);
  if (registry) return registry;
  const created: Registry = { hooks: [], applied: new Map() };
  for (const type of ['admin', 'content-api'] as const) {
    const api = strapi.server.api(type as 'admin') as unknown as RoutableApi;
    const register = api.routes.bind(api);
    api.routes = (routes: RoutesInput) => {
      const list = Array.isArray(routes) ? routes : (routes.routes ?? []);
      const prefix = Array.isArray(routes) ? '' : (routes.prefix ?? '');
      for (const route of list) {
        const described = describeRoute(route, prefix);
        for (const hook of created.hooks) {
          if (hook.api !== type || !hook.applies(described)) continue;
          route.config ??= {};
          const stale = isFromAnotherStrapi(strapi);
          const middlewares = (route.config.middlewares ?? []).filter((item) => !stale(item));
          route.config.middlewares = middlewares;
          if (!middlewares.includes(hook.middleware)) {
            route.config.middlewares = [hook.middleware, ...middlewares];
          }
          created.applied.get(hook)!.push(described);
        }
      }
      return register(routes);
    };
  }
  registries.set(strapi, created);
  return created;
}

/** Adds `hook` to every route registered from now on that it applies to (call in register()). */
export function addRouteHook(strapi: Core.Strapi, hook: RouteHook): void {
  const registry = registryOf(strapi);
  (hook.middleware as Hooked)[HOOKED] = strapi;
  registry.hooks.push(hook);
  registry.applied.set(hook, []);
}

/** The routes a hook was added to, as `METHOD prefix+path` (for tests and operators). */
export function routesWithHook(strapi: Core.Strapi, name: string): string[] {
  const registry = registries.get(strapi);
  const hook = registry?.hooks.find((candidate) => candidate.name === name);
  if (!hook) return [];
  return registry!.applied
    .get(hook)!
    .map((route) => `${route.method} ${route.prefix}${route.path}`);
}

/** Throws when a required hook found no route (call in bootstrap(), after Strapi's routing). */
export function assertRouteHooksApplied(strapi: Core.Strapi): void {
  const registry = registries.get(strapi);
  if (!registry) return;
  const missing = registry.hooks.filter(
    (hook) => hook.required && registry.applied.get(hook)!.length === 0,
  );
  if (missing.length > 0) {
    throw new Error(
      `No route found for: ${missing.map((hook) => hook.name).join(', ')}. Strapi's routes have ` +
        'changed (an upgrade?): the CMS will not run without these checks; see ' +
        'src/utils/route-hooks.ts and where each hook is added.',
    );
  }
}
