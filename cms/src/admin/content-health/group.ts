import { severityRank, type Finding, type Severity } from './types';

/** One entry in one locale, with its findings (most urgent first). */
export interface EntryGroup {
  key: string;
  entry: Finding['entry'];
  editUrl: string;
  worst: Severity;
  findings: Finding[];
}

/**
 * The findings by entry and locale, the entries needing the most urgent attention first (then
 * those with the most problems, then in the server's order).
 */
export function groupByEntry(findings: Finding[]): EntryGroup[] {
  const groups = new Map<string, EntryGroup & { order: number }>();
  findings.forEach((finding, index) => {
    const key = `${finding.entry.uid}|${finding.entry.documentId}|${finding.entry.locale}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        key,
        entry: finding.entry,
        editUrl: finding.editUrl,
        worst: finding.severity,
        findings: [finding],
        order: index,
      });
      return;
    }
    group.findings.push(finding);
    if (severityRank(finding.severity) < severityRank(group.worst)) group.worst = finding.severity;
  });
  return [...groups.values()]
    .map((group) => ({
      ...group,
      findings: [...group.findings].sort(
        (a, b) => severityRank(a.severity) - severityRank(b.severity),
      ),
    }))
    .sort(
      (a, b) =>
        severityRank(a.worst) - severityRank(b.worst) ||
        b.findings.length - a.findings.length ||
        a.order - b.order,
    )
    .map(({ key, entry, editUrl, worst, findings: sorted }) => ({
      key,
      entry,
      editUrl,
      worst,
      findings: sorted,
    }));
}
