// The full report (menu link "Content health", /admin/content-health): every problem in a table
// that editors can sort and filter, each row a link to the entry in the right language. The sort
// and the filters live in the URL, so "back" from an entry returns to the same view.
import * as React from 'react';
import {
  Box,
  Button,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { ArrowClockwise, ArrowsVertical, CaretDown, CaretUp, CheckCircle } from '@strapi/icons';
import { Layouts, Page } from '@strapi/strapi/admin';
import { useIntl, type IntlShape } from 'react-intl';
import { useSearchParams } from 'react-router-dom';
import { styled } from 'styled-components';
import { useContentLocales, useHealthReport } from './api';
import { EntryLink } from './EntryLink';
import {
  contentTypeName,
  entryTitle,
  findingMessage,
  kindLabels,
  labelOf,
  localeName,
  t,
} from './messages';
import { SeverityBadge } from './SeverityBadge';
import { SEVERITIES, severityRank, type Finding, type PageFeedback, type Severity } from './types';

const feedbackMessages = {
  title: t('report.feedback.title', 'Was this page helpful? Answers of the last 90 days'),
  page: t('report.feedback.page', 'Page'),
  answers: t('report.feedback.answers', 'Answers'),
  noShare: t('report.feedback.no-share', 'Share of “no”'),
  reason: t('report.feedback.reason', 'Most common reason'),
  reasonName: t(
    'report.feedback.reason-name',
    '{reason, select, none {—} hard_to_understand {Hard to understand} out_of_date {Out of date} not_what_i_was_looking_for {Not what they were looking for} other {Other}}',
  ),
};

export const reportMessages = {
  title: t('report.title', 'Content health'),
  subtitle: t(
    'report.subtitle',
    'Reviews due, missing translations, reading level and unfinished settings, for every entry and language.',
  ),
  checkedAt: t('report.checked-at', 'Checked {date}'),
  refresh: t('report.refresh', 'Check again'),
  loading: t('report.loading', 'Checking the content…'),
  error: t('report.error', 'The content check could not be loaded. Try again in a moment.'),
  forbidden: t('report.forbidden', 'You do not have permission to see the content check.'),
  retry: t('report.retry', 'Try again'),
  allGood: t('report.all-good', 'All content is in good health: nothing needs attention.'),
  noMatch: t('report.no-match', 'No problems match these filters.'),
  filters: t('report.filters', 'Filters'),
  locale: t('report.filter.locale', 'Language'),
  severity: t('report.filter.severity', 'Urgency'),
  all: t('report.filter.all', 'All'),
  errorsOnly: t('report.filter.errors', 'Urgent only'),
  warningsAndWorse: t('report.filter.warnings', 'Urgent and needs attention'),
  summary: t(
    'report.summary',
    '{total, plural, =0 {No problems} one {# problem} other {# problems}}',
  ),
  caption: t(
    'report.caption',
    'Problems found in the content, {sortedBy}. Select a column heading to sort by it.',
  ),
  sortedBy: t('report.sorted-by', 'sorted by {column}, {direction}'),
  ascending: t('report.ascending', 'ascending'),
  descending: t('report.descending', 'descending'),
  columns: {
    severity: t('report.column.severity', 'Urgency'),
    problem: t('report.column.problem', 'Problem'),
    title: t('report.column.entry', 'Entry'),
    contentType: t('report.column.content-type', 'Type'),
    locale: t('report.column.locale', 'Language'),
    kind: t('report.column.kind', 'Kind'),
  },
  untitled: t('untitled', '(untitled)'),
};

type SortKey = 'severity' | 'kind' | 'title' | 'locale' | 'contentType';
type Direction = 'asc' | 'desc';
const SORT_KEYS: SortKey[] = ['severity', 'kind', 'title', 'locale', 'contentType'];
const ALL = 'all';

function compareBy(key: SortKey, intl: IntlShape): (a: Finding, b: Finding) => number {
  const text = (a: string, b: string) => a.localeCompare(b, intl.locale, { sensitivity: 'base' });
  switch (key) {
    case 'severity':
      return (a, b) => severityRank(a.severity) - severityRank(b.severity);
    case 'kind':
      return (a, b) => text(labelOf(intl, kindLabels, a.kind), labelOf(intl, kindLabels, b.kind));
    case 'title':
      return (a, b) => text(entryTitle(intl, a.entry), entryTitle(intl, b.entry));
    case 'locale':
      return (a, b) => text(localeName(intl, a.entry.locale), localeName(intl, b.entry.locale));
    case 'contentType':
      return (a, b) => text(contentTypeName(intl, a.entry), contentTypeName(intl, b.entry));
  }
}

/** Sorted by `key`, then by urgency, then by entry, then in the server's order (stable). */
function sortFindings(findings: Finding[], key: SortKey, direction: Direction, intl: IntlShape) {
  const primary = compareBy(key, intl);
  const severity = compareBy('severity', intl);
  const title = compareBy('title', intl);
  const sign = direction === 'asc' ? 1 : -1;
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        sign * primary(a.finding, b.finding) ||
        severity(a.finding, b.finding) ||
        title(a.finding, b.finding) ||
        a.index - b.index,
    )
    .map(({ finding }) => finding);
}

export function HealthReportPage() {
  const intl = useIntl();
  const { formatMessage } = intl;
  const [searchParams, setSearchParams] = useSearchParams();

  const locale = searchParams.get('locale') || undefined;
  const severityParam = searchParams.get('severity');
  // The server's filter is "this severity or worse": info would be everything.
  const severity =
    severityParam === 'error' || severityParam === 'warning'
      ? (severityParam as Severity)
      : undefined;
  const sortParam = searchParams.get('sort') as SortKey | null;
  const sort: SortKey = sortParam && SORT_KEYS.includes(sortParam) ? sortParam : 'severity';
  const direction: Direction = searchParams.get('direction') === 'desc' ? 'desc' : 'asc';

  const report = useHealthReport({ locale, severity });
  const locales = useContentLocales();

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) next.delete(key);
      else next.set(key, value);
    }
    setSearchParams(next, { replace: true });
  };

  const sorted = React.useMemo(
    () => (report.data ? sortFindings(report.data.findings, sort, direction, intl) : []),
    [report.data, sort, direction, intl],
  );

  const localeOptions =
    locales.data && locales.data.length > 0
      ? locales.data.map((l) => ({ code: l.code, name: localeName(intl, l.code) }))
      : ['en', 'es'].map((code) => ({ code, name: localeName(intl, code) }));

  const title = formatMessage(reportMessages.title);
  const filtered = Boolean(locale || severity);

  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header
        title={title}
        subtitle={formatMessage(reportMessages.subtitle)}
        primaryAction={
          <Button
            variant="secondary"
            startIcon={<ArrowClockwise />}
            onClick={report.refetch}
            loading={report.loading && Boolean(report.data)}
          >
            {formatMessage(reportMessages.refresh)}
          </Button>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex
            tag="section"
            aria-label={formatMessage(reportMessages.filters)}
            gap={4}
            wrap="wrap"
            alignItems="flex-end"
          >
            <Box minWidth="20rem">
              <Field.Root name="locale" id="content-health-locale">
                <Field.Label>{formatMessage(reportMessages.locale)}</Field.Label>
                <SingleSelect
                  value={locale ?? ALL}
                  onChange={(value) =>
                    update({ locale: value === ALL ? undefined : String(value) })
                  }
                >
                  <SingleSelectOption value={ALL}>
                    {formatMessage(reportMessages.all)}
                  </SingleSelectOption>
                  {localeOptions.map((option) => (
                    <SingleSelectOption key={option.code} value={option.code}>
                      {option.name}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
            <Box minWidth="20rem">
              <Field.Root name="severity" id="content-health-severity">
                <Field.Label>{formatMessage(reportMessages.severity)}</Field.Label>
                <SingleSelect
                  value={severity ?? ALL}
                  onChange={(value) =>
                    update({ severity: value === ALL ? undefined : String(value) })
                  }
                >
                  <SingleSelectOption value={ALL}>
                    {formatMessage(reportMessages.all)}
                  </SingleSelectOption>
                  <SingleSelectOption value="error">
                    {formatMessage(reportMessages.errorsOnly)}
                  </SingleSelectOption>
                  <SingleSelectOption value="warning">
                    {formatMessage(reportMessages.warningsAndWorse)}
                  </SingleSelectOption>
                </SingleSelect>
              </Field.Root>
            </Box>
          </Flex>

          <ReportBody
            report={report}
            sorted={sorted}
            sort={sort}
            direction={direction}
            filtered={filtered}
            onSort={(key) =>
              update({
                sort: key,
                direction: key === sort && direction === 'asc' ? 'desc' : 'asc',
              })
            }
          />
          {report.data?.feedback && report.data.feedback.length > 0 && (
            <FeedbackTable pages={report.data.feedback} />
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

/** "Was this page helpful?": every page's answers, for a role that may read them. */
function FeedbackTable({ pages }: { pages: PageFeedback[] }) {
  const intl = useIntl();
  const { formatMessage } = intl;
  return (
    <Flex tag="section" direction="column" alignItems="stretch" gap={2}>
      <Typography variant="delta" tag="h2">
        {formatMessage(feedbackMessages.title)}
      </Typography>
      <TableWrapper>
        <StyledTable data-testid="content-health-feedback-table">
          <thead>
            <tr>
              <th scope="col">{formatMessage(feedbackMessages.page)}</th>
              <th scope="col">{formatMessage(reportMessages.locale)}</th>
              <th scope="col">{formatMessage(feedbackMessages.answers)}</th>
              <th scope="col">{formatMessage(feedbackMessages.noShare)}</th>
              <th scope="col">{formatMessage(feedbackMessages.reason)}</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((page) => (
              <tr key={`${page.locale} ${page.path}`}>
                <td>
                  <Typography fontWeight="semiBold">
                    {page.locale === 'en' ? page.path : `/${page.locale}${page.path}`}
                  </Typography>
                </td>
                <td>
                  <Typography textColor="neutral700">{localeName(intl, page.locale)}</Typography>
                </td>
                <td>
                  <Typography textColor="neutral700">{page.answers}</Typography>
                </td>
                <td>
                  <Typography textColor="neutral700">{page.noShare} %</Typography>
                </td>
                <td>
                  <Typography textColor="neutral700">
                    {formatMessage(feedbackMessages.reasonName, {
                      reason: (page.topReason ?? 'none').replace(/-/g, '_'),
                    })}
                  </Typography>
                </td>
              </tr>
            ))}
          </tbody>
        </StyledTable>
      </TableWrapper>
    </Flex>
  );
}

interface ReportBodyProps {
  report: ReturnType<typeof useHealthReport>;
  sorted: Finding[];
  sort: SortKey;
  direction: Direction;
  filtered: boolean;
  onSort: (key: SortKey) => void;
}

function ReportBody({ report, sorted, sort, direction, filtered, onSort }: ReportBodyProps) {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { data, error, loading, refetch } = report;

  if (error && !loading) {
    return (
      <Flex
        direction="column"
        alignItems="flex-start"
        gap={3}
        padding={6}
        background="neutral0"
        hasRadius
        shadow="tableShadow"
        role="alert"
      >
        <Typography textColor="neutral800">
          {formatMessage(error.status === 403 ? reportMessages.forbidden : reportMessages.error)}
        </Typography>
        {error.status !== 403 && (
          <Button variant="secondary" startIcon={<ArrowClockwise />} onClick={refetch}>
            {formatMessage(reportMessages.retry)}
          </Button>
        )}
      </Flex>
    );
  }
  if (!data) return <Page.Loading>{formatMessage(reportMessages.loading)}</Page.Loading>;

  const checkedAt = formatMessage(reportMessages.checkedAt, {
    date: intl.formatDate(data.generatedAt, { dateStyle: 'medium', timeStyle: 'short' }),
  });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} wrap="wrap" alignItems="center" aria-live="polite" aria-busy={loading}>
        <Typography variant="omega" fontWeight="bold" textColor="neutral800">
          {formatMessage(reportMessages.summary, { total: sorted.length })}
        </Typography>
        <Flex tag="ul" gap={3} wrap="wrap">
          {SEVERITIES.map((severity) => (
            <Flex tag="li" key={severity} gap={2} alignItems="center">
              <Typography fontWeight="bold" textColor="neutral800">
                {intl.formatNumber(data.counts.bySeverity[severity] ?? 0)}
              </Typography>
              <SeverityBadge severity={severity} />
            </Flex>
          ))}
        </Flex>
        <Typography variant="pi" textColor="neutral600">
          {checkedAt}
        </Typography>
      </Flex>

      {sorted.length === 0 ? (
        <Flex
          direction="column"
          gap={3}
          padding={8}
          background="neutral0"
          hasRadius
          shadow="tableShadow"
        >
          <CheckCircle
            aria-hidden
            focusable={false}
            width="3.2rem"
            height="3.2rem"
            fill="success600"
          />
          <Typography textColor="neutral800">
            {formatMessage(filtered ? reportMessages.noMatch : reportMessages.allGood)}
          </Typography>
        </Flex>
      ) : (
        <FindingsTable findings={sorted} sort={sort} direction={direction} onSort={onSort} />
      )}
    </Flex>
  );
}

function FindingsTable({
  findings,
  sort,
  direction,
  onSort,
}: {
  findings: Finding[];
  sort: SortKey;
  direction: Direction;
  onSort: (key: SortKey) => void;
}) {
  const intl = useIntl();
  const { formatMessage } = intl;
  const columnLabel = (key: keyof typeof reportMessages.columns) =>
    formatMessage(reportMessages.columns[key]);

  const header = (key: SortKey) => {
    const active = key === sort;
    const Icon = !active ? ArrowsVertical : direction === 'asc' ? CaretUp : CaretDown;
    return (
      <th
        scope="col"
        aria-sort={active ? (direction === 'asc' ? 'ascending' : 'descending') : undefined}
      >
        <SortButton type="button" onClick={() => onSort(key)}>
          <span>{columnLabel(key)}</span>
          <Icon aria-hidden focusable={false} width="1.2rem" height="1.2rem" />
        </SortButton>
      </th>
    );
  };

  const sortedBy = formatMessage(reportMessages.sortedBy, {
    column: columnLabel(sort),
    direction: formatMessage(
      direction === 'asc' ? reportMessages.ascending : reportMessages.descending,
    ),
  });

  return (
    <TableWrapper>
      <StyledTable>
        <caption>
          <VisuallyHidden>{formatMessage(reportMessages.caption, { sortedBy })}</VisuallyHidden>
        </caption>
        <thead>
          <tr>
            {header('severity')}
            <th scope="col">{columnLabel('problem')}</th>
            {header('title')}
            {header('contentType')}
            {header('locale')}
            {header('kind')}
          </tr>
        </thead>
        <tbody>
          {findings.map((finding) => (
            <tr key={finding.id} data-code={finding.code}>
              <td>
                <SeverityBadge severity={finding.severity} />
              </td>
              <td>
                <Typography textColor="neutral800">{findingMessage(intl, finding)}</Typography>
              </td>
              <td>
                <Typography fontWeight="semiBold">
                  <EntryLink
                    to={finding.editUrl}
                    title={entryTitle(intl, finding.entry)}
                    fallback={formatMessage(reportMessages.untitled)}
                  />
                </Typography>
              </td>
              <td>
                <Typography textColor="neutral700">
                  {contentTypeName(intl, finding.entry)}
                </Typography>
              </td>
              <td>
                <Typography textColor="neutral700">
                  {localeName(intl, finding.entry.locale)}
                </Typography>
              </td>
              <td>
                <Typography textColor="neutral700">
                  {labelOf(intl, kindLabels, finding.kind)}
                </Typography>
              </td>
            </tr>
          ))}
        </tbody>
      </StyledTable>
    </TableWrapper>
  );
}

const TableWrapper = styled.div`
  overflow-x: auto;
  background: ${({ theme }) => theme.colors.neutral0};
  border-radius: ${({ theme }) => theme.borderRadius};
  box-shadow: ${({ theme }) => theme.shadows.tableShadow};
`;

const StyledTable = styled.table`
  width: 100%;
  border-collapse: collapse;
  text-align: left;

  th,
  td {
    padding: ${({ theme }) => `${theme.spaces[3]} ${theme.spaces[4]}`};
    border-bottom: 1px solid ${({ theme }) => theme.colors.neutral150};
    vertical-align: top;
  }

  th {
    color: ${({ theme }) => theme.colors.neutral600};
    font-size: ${({ theme }) => theme.fontSizes[0]};
    font-weight: ${({ theme }) => theme.fontWeights.bold};
    text-transform: uppercase;
    white-space: nowrap;
  }

  tbody tr:last-child td {
    border-bottom: none;
  }

  tbody tr:hover {
    background: ${({ theme }) => theme.colors.neutral100};
  }
`;

const SortButton = styled.button`
  display: inline-flex;
  align-items: center;
  gap: ${({ theme }) => theme.spaces[1]};
  padding: 0;
  border: none;
  background: none;
  color: inherit;
  font: inherit;
  text-transform: inherit;
  cursor: pointer;

  svg path {
    fill: currentColor;
  }

  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 2px;
  }
`;

export default HealthReportPage;
