import type { Core } from '@strapi/strapi';

/**
 * Who is writing: an admin user, an API token, or the CMS itself (the seed, the scheduler, a
 * script). The sign-off rule lets only the seed through unchecked; the publish log records it.
 * Admin and API requests are known from Strapi's request context; the CMS's own work says who it
 * is with `runAs`.
 */
export type Actor =
  | { kind: 'admin'; id: number; name: string }
  | { kind: 'api-token'; name: string }
  | { kind: 'seed' }
  | { kind: 'scheduler' }
  | { kind: 'script' };

/**
 * Runs `work` as `actor` (the seed, the scheduler): every write inside it is theirs. Carried in
 * Strapi's own request context (an AsyncLocalStorage), as a context of its own, so the module
 * that asks (the build Strapi runs) and the one that says (a test or script may load the
 * sources) need not be the same copy.
 */
export function runAs<T>(strapi: Core.Strapi, actor: Actor, work: () => Promise<T>): Promise<T> {
  const run = strapi.requestContext.run as unknown as (
    store: { clinicActor: Actor },
    cb: () => Promise<T>,
  ) => Promise<T>;
  return run({ clinicActor: actor }, work);
}

interface AdminUser {
  id?: number;
  firstname?: string | null;
  lastname?: string | null;
  username?: string | null;
  email?: string;
}

/** The writer of the current write; `script` when there is no request (the console, a CLI). */
export function currentActor(strapi: Core.Strapi): Actor {
  const ctx = strapi.requestContext.get() as
    | {
        clinicActor?: Actor;
        state?: {
          user?: AdminUser;
          auth?: { strategy?: { name?: string }; credentials?: { name?: string } };
        };
      }
    | undefined;
  if (ctx?.clinicActor) return ctx.clinicActor;
  const auth = ctx?.state?.auth;
  if (auth?.strategy?.name === 'admin' && ctx?.state?.user?.id !== undefined) {
    const user = ctx.state.user;
    const name =
      [user.firstname, user.lastname].filter(Boolean).join(' ') ||
      user.username ||
      user.email ||
      `#${user.id}`;
    return { kind: 'admin', id: Number(user.id), name };
  }
  if (auth?.strategy?.name === 'api-token') {
    return { kind: 'api-token', name: auth.credentials?.name ?? 'API token' };
  }
  return { kind: 'script' };
}

/**
 * The admin language of the user making the current request, when they chose one: Strapi's admin
 * switches to the `preferedLanguage` saved in the user's profile at login. Null otherwise (no
 * choice saved, an API token, the CMS itself).
 */
export function adminLanguage(strapi: Core.Strapi): 'en' | 'es' | null {
  const ctx = strapi.requestContext.get() as
    { state?: { user?: { preferedLanguage?: string | null } } } | undefined;
  const language = ctx?.state?.user?.preferedLanguage;
  return language === 'en' || language === 'es' ? language : null;
}
