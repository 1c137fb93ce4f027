import type { Core, UID } from '@strapi/strapi';
import { FEEDBACK_UID } from '../page-feedback/rules';
import { redirectSources } from '../redirects';
import { unresolvedFailures } from '../schedules/store';
import { CHECKS } from './checks';
import { feedbackFindings } from './checks/feedback';
import { loadPageFeedback, pagesShowing } from './feedback';
import { localDate } from './checks/helpers';
import { readingLevelsOf } from './checks/readability';
import { healthSettingsFromEnv } from './config';
import { HEALTH_UIDS, isHealthUid } from './content-types';
import {
  BATCH_SIZE,
  loadContentTypeInfo,
  loadDocumentIds,
  loadDocuments,
  loadSiteLocales,
  resolveLinkTargets,
} from './loader';
import {
  KINDS,
  SEVERITIES,
  type CheckContext,
  type EntryHealth,
  type Finding,
  type HealthDocument,
  type HealthSettings,
  type Kind,
  type Report,
  type Severity,
} from './types';

/**
 * The content-health service: one implementation behind the admin routes (controller.ts) and the
 * CLI (scripts/health.mjs). Loads content (loader.ts), runs every check (checks/index.ts) and
 * keeps what the user may read.
 */

/** A request the service refuses: the controller answers with `status` and the message. */
export class HealthRequestError extends Error {
  constructor(
    public readonly status: 400 | 403 | 404,
    message: string,
  ) {
    super(message);
    this.name = 'HealthRequestError';
  }
}

/** The admin user's ability (ctx.state.userAbility); absent: everything (the CLI). */
export type UserAbility = unknown;

interface PermissionChecker {
  can: ((action: string, entity?: object) => boolean) & {
    read: (entity?: object) => boolean;
  };
}

/**
 * What an admin user may read, as the content manager decides it (its permission checker, with
 * Strapi's role conditions: an Author reads only entries they created, every role only its
 * locales). Without an ability, everything.
 */
class ReadAccess {
  private readonly checkers = new Map<string, PermissionChecker>();

  constructor(
    private readonly strapi: Core.Strapi,
    private readonly ability: UserAbility | undefined,
  ) {}

  private checker(uid: string): PermissionChecker {
    let checker = this.checkers.get(uid);
    if (!checker) {
      checker = this.strapi
        .plugin('content-manager')
        .service('permission-checker')
        .create({ userAbility: this.ability, model: uid }) as PermissionChecker;
      this.checkers.set(uid, checker);
    }
    return checker;
  }

  /** May read some entries of the type (in some locale). */
  canReadType(uid: string): boolean {
    return this.ability === undefined || this.checker(uid).can.read();
  }

  /** May read the document's entry in `locale` (for a missing one: the document's creator's). */
  canReadEntry(document: HealthDocument, locale: string, defaultLocale: string): boolean {
    if (this.ability === undefined) return true;
    const versions =
      document.locales[locale] ??
      document.locales[defaultLocale] ??
      Object.values(document.locales)[0];
    const version = versions?.draft ?? versions?.published;
    const createdById = version?.createdById ?? null;
    return this.checker(document.uid).can.read({
      locale,
      createdBy: createdById === null ? null : { id: createdById },
    });
  }
}

export interface HealthOptions {
  /** ctx.state.userAbility of an admin request; omitted: no filtering (CLI, tests). */
  ability?: UserAbility;
  /** The clock (tests); now by default. */
  now?: Date;
  /** Defaults to the environment's (config.ts). */
  settings?: HealthSettings;
}

export interface ReportOptions extends HealthOptions {
  /** Only findings in this locale (must be one of the site's). */
  locale?: string;
  /** Only findings of this severity or worse. */
  minSeverity?: Severity;
}

const severityRank = (severity: Severity) => SEVERITIES.indexOf(severity);
const kindRank = (kind: Kind) => KINDS.indexOf(kind);

/** Report order: error, warning, info; then kind; then title; then locale and id (stable). */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    kindRank(a.kind) - kindRank(b.kind) ||
    a.entry.title.localeCompare(b.entry.title, 'en') ||
    a.entry.locale.localeCompare(b.entry.locale) ||
    a.id.localeCompare(b.id)
  );
}

export function countFindings(findings: Finding[]): Report['counts'] {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byKind = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  for (const finding of findings) {
    bySeverity[finding.severity] += 1;
    byKind[finding.kind] += 1;
  }
  return { total: findings.length, bySeverity, byKind };
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/** Runs every check over one document. */
export function runChecks(document: HealthDocument, context: CheckContext): Finding[] {
  return CHECKS.flatMap((check) => check(document, context));
}

async function createContext(
  strapi: Core.Strapi,
  mode: CheckContext['mode'],
  options: HealthOptions,
): Promise<CheckContext> {
  const now = options.now ?? new Date();
  const site = await loadSiteLocales(strapi);
  return {
    mode,
    now,
    today: localDate(now),
    settings: options.settings ?? healthSettingsFromEnv(),
    ...site,
    contentTypes: loadContentTypeInfo(strapi),
    publishedLinkTargets: {},
    redirects: await redirectSources(strapi),
    failedSchedules: await loadFailedSchedules(strapi),
  };
}

function targetsOf(settings: HealthSettings): Report['targets'] {
  return {
    en: settings.gradeTargetEn,
    es: settings.scoreTargetEs,
    reviewWarningDays: settings.reviewWarningDays,
    draftDays: settings.draftDays,
  };
}

/**
 * The site's content health: every check over what visitors see (each document's published
 * version per locale, else its draft), only what the user may read.
 */
export async function buildReport(
  strapi: Core.Strapi,
  options: ReportOptions = {},
): Promise<Report> {
  const context = await createContext(strapi, 'report', options);
  if (options.locale !== undefined && !context.locales.includes(options.locale)) {
    throw new HealthRequestError(
      400,
      `Unknown locale "${options.locale}". The site's locales are: ${context.locales.join(', ')}.`,
    );
  }
  if (options.minSeverity !== undefined && !isSeverity(options.minSeverity)) {
    throw new HealthRequestError(
      400,
      `Unknown severity "${options.minSeverity}". Use one of: ${SEVERITIES.join(', ')}.`,
    );
  }
  const access = new ReadAccess(strapi, options.ability);
  const maxRank = options.minSeverity ? severityRank(options.minSeverity) : Infinity;
  const looked = new Map<string, Set<string>>();
  const findings: Finding[] = [];

  for (const uid of HEALTH_UIDS) {
    if (!access.canReadType(uid)) continue;
    const ids = await loadDocumentIds(strapi, uid, context.locales);
    for (let start = 0; start < ids.length; start += BATCH_SIZE) {
      const documents = await loadDocuments(
        strapi,
        uid,
        ids.slice(start, start + BATCH_SIZE),
        context.locales,
      );
      await resolveLinkTargets(strapi, documents, context, looked);
      for (const document of documents) {
        for (const finding of runChecks(document, context)) {
          if (options.locale !== undefined && finding.entry.locale !== options.locale) continue;
          if (severityRank(finding.severity) > maxRank) continue;
          if (!access.canReadEntry(document, finding.entry.locale, context.defaultLocale)) continue;
          findings.push(finding);
        }
      }
    }
  }

  // "Was this page helpful?": for a role that may read the answers, of the pages of types it reads.
  const feedback = access.canReadType(FEEDBACK_UID)
    ? (await loadPageFeedback(strapi, context.now)).filter(
        (page) =>
          (options.locale === undefined || page.locale === options.locale) &&
          access.canReadType(page.uid),
      )
    : [];
  for (const finding of feedbackFindings(feedback, context)) {
    if (severityRank(finding.severity) <= maxRank) findings.push(finding);
  }

  findings.sort(compareFindings);
  return {
    generatedAt: context.now.toISOString(),
    targets: targetsOf(context.settings),
    counts: countFindings(findings),
    findings,
    feedback,
  };
}

export interface EntryRequest extends HealthOptions {
  uid: unknown;
  documentId?: unknown;
  locale: unknown;
}

/**
 * The health of one entry as the editor is editing it: every check over the DRAFT of the
 * document in `locale`, and the reading level of its measured fields. For a locale the document
 * has no version in yet, the finding that says so.
 */
export async function entryHealth(
  strapi: Core.Strapi,
  request: EntryRequest,
): Promise<EntryHealth> {
  const { uid, locale } = request;
  if (typeof uid !== 'string' || uid === '') {
    throw new HealthRequestError(400, 'The "uid" parameter (the content type) is required.');
  }
  if (!isHealthUid(uid)) {
    throw new HealthRequestError(
      400,
      `Unknown content type "${uid}". Content health covers: ${HEALTH_UIDS.join(', ')}.`,
    );
  }
  const context = await createContext(strapi, 'entry', request);
  if (typeof locale !== 'string' || locale === '') {
    throw new HealthRequestError(400, 'The "locale" parameter is required.');
  }
  if (!context.locales.includes(locale)) {
    throw new HealthRequestError(
      400,
      `Unknown locale "${locale}". The site's locales are: ${context.locales.join(', ')}.`,
    );
  }
  const single = strapi.contentType(uid as UID.ContentType)?.kind === 'singleType';
  let documentId = request.documentId;
  if (documentId !== undefined && (typeof documentId !== 'string' || documentId === '')) {
    throw new HealthRequestError(400, 'The "documentId" parameter must be a document id.');
  }
  if (documentId === undefined && !single) {
    throw new HealthRequestError(400, 'The "documentId" parameter is required.');
  }

  const access = new ReadAccess(strapi, request.ability);
  if (!access.canReadType(uid)) {
    throw new HealthRequestError(403, 'You are not allowed to read this content type.');
  }
  if (documentId === undefined) {
    // A single type has one document; its id is optional.
    documentId = (await loadDocumentIds(strapi, uid, context.locales))[0];
  }
  const [document] =
    typeof documentId === 'string'
      ? await loadDocuments(strapi, uid, [documentId], context.locales)
      : [];
  if (!document) {
    throw new HealthRequestError(404, 'No such document.');
  }
  if (!access.canReadEntry(document, locale, context.defaultLocale)) {
    throw new HealthRequestError(403, 'You are not allowed to read this entry.');
  }
  await resolveLinkTargets(strapi, [document], context, new Map());
  const findings = runChecks(document, context)
    .filter((finding) => finding.entry.locale === locale)
    .sort(compareFindings);
  const draft = document.locales[locale]?.draft ?? document.locales[locale]?.published;
  const readingLevels = draft ? readingLevelsOf(uid, draft, context.settings) : [];
  const feedback = access.canReadType(FEEDBACK_UID)
    ? pagesShowing(await loadPageFeedback(strapi, context.now), uid, document.documentId, locale)
    : [];
  return { findings, readingLevels, feedback };
}

/** The scheduled actions that failed and are not yet superseded or dismissed, by document. */
async function loadFailedSchedules(
  strapi: Core.Strapi,
): Promise<NonNullable<CheckContext['failedSchedules']>> {
  const byDocument: NonNullable<CheckContext['failedSchedules']> = {};
  for (const row of await unresolvedFailures(strapi)) {
    (byDocument[`${row.uid}:${row.documentId}`] ??= []).push({
      id: row.id,
      locale: row.locale,
      action: row.action,
      at: row.at,
      message: row.message,
    });
  }
  return byDocument;
}
