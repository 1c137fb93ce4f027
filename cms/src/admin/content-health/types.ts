// The content-health HTTP contract, as the server defines it (cms/src/content-health/types.ts):
// GET /content-health/report → { data: Report }, GET /content-health/entry → { data: EntryHealth }.
import { SEVERITIES, type Severity } from '../../content-health/types';

export { KINDS, SEVERITIES } from '../../content-health/types';
export type {
  EntryHealth,
  Finding,
  Kind,
  PageFeedback,
  ReadingLevel,
  Report,
  Sentence,
  Severity,
} from '../../content-health/types';

/** 0 for the most urgent. Unknown severities (a newer server) sort last. */
export function severityRank(severity: string): number {
  const rank = SEVERITIES.indexOf(severity as Severity);
  return rank === -1 ? SEVERITIES.length : rank;
}
