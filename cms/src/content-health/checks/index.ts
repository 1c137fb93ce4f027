/**
 * Every content-health check. The report (GET /content-health/report, `pnpm health`) and the edit
 * view's panel (GET /content-health/entry) run all of them.
 *
 * HOW TO ADD A CHECK
 *
 * 1. Write a function of type `Check` in a file of this folder (one file per kind):
 *    `(document: HealthDocument, context: CheckContext) => Finding[]`. It gets one document with
 *    every locale's draft and published version as plain data (`document.locales[locale]`, each
 *    version's attributes in `version.data`, blocks as JSON) and returns findings. Keep it pure:
 *    no Strapi, no I/O, no clock (use `context.now` / `context.today`), so a unit test can feed it
 *    plain objects (see tests/content-health-checks.test.ts).
 * 2. Analyse what the mode asks for with `analysedVersions(document, context)` (helpers.ts): the
 *    published version in a report (what visitors see), the draft in the edit view.
 * 3. Build each finding with `makeFinding(context, …)` (helpers.ts): a severity ('error' for what is wrong
 *    for visitors now, 'warning' for what needs an editor soon, 'info' for housekeeping), a kind
 *    (a new kind also goes into KINDS in ../types.ts and the admin UI's labels), a code
 *    (kebab-case, stable: the admin UI and translations key on it), a plain-English message an
 *    editor understands with "{param}" placeholders and the params, and an `idSuffix` (e.g. the
 *    field) when one entry can have several findings of the code.
 * 4. Add the function to CHECKS below, and a unit test.
 * 5. A check needing data the loader does not read (a relation, a component) adds it to the
 *    type's `health.populate` in src/content-model.ts; one needing data about other documents
 *    adds it to CheckContext and loader.ts (as `publishedLinkTargets` for the links check). What
 *    a check applies to per type (fields to measure, to follow links in, medical review) is the
 *    content model's `health`, not a list in the check.
 * 6. Settings it needs come from the environment in ../config.ts (documented there, validated at
 *    start-up), and the README's "Content health" section says what the finding means and how an
 *    editor clears it.
 */
import type { Check } from '../types';
import { draftCheck } from './draft';
import { linksCheck } from './links';
import { readabilityCheck } from './readability';
import { scheduleCheck } from './schedule';
import { reviewCheck } from './review';
import { settingsCheck } from './settings';
import { signOffCheck } from './sign-off';
import { translationCheck } from './translation';

export const CHECKS: Check[] = [
  reviewCheck,
  signOffCheck,
  scheduleCheck,
  translationCheck,
  draftCheck,
  readabilityCheck,
  settingsCheck,
  linksCheck,
];
