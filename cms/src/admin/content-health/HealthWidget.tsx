// The home screen's "Content health" widget: how many problems of each urgency and kind, and the
// entries that need attention first, each a link to its edit view in the right language.
import { Box, Flex, Typography } from '@strapi/design-system';
import { CheckCircle } from '@strapi/icons';
import { Widget } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import { useHealthReport } from './api';
import { Bullets } from './Bullets';
import { EntryLink } from './EntryLink';
import { groupByEntry } from './group';
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
import { KINDS, SEVERITIES } from './types';

// Cut after two lines with "…". Not `white-space: nowrap` (Typography's `ellipsis`): the home
// screen's scroll area lets content as wide as its longest unbreakable line overflow sideways.
const Clamped = styled(Typography)`
  display: -webkit-box;
  -webkit-box-orient: vertical;
  -webkit-line-clamp: 2;
  overflow: hidden;
`;

/** How many entries the widget lists; the full report has the rest. */
const TOP_ENTRIES = 5;

export const widgetMessages = {
  title: t('widget.title', 'Content health'),
  link: t('widget.link', 'See the full report'),
  loading: t('widget.loading', 'Checking the content…'),
  error: t('widget.error', 'The content check could not be loaded. Try again in a moment.'),
  allGood: t('widget.all-good', 'All content is in good health: nothing needs attention.'),
  bySeverity: t('widget.by-severity', 'Problems by urgency'),
  byKind: t('widget.by-kind', 'Problems by kind'),
  top: t('widget.top', 'Entries to look at first'),
  more: t(
    'widget.more',
    '{count, plural, one {# more entry} other {# more entries}} in the full report',
  ),
  untitled: t('untitled', '(untitled)'),
};

export function HealthWidget() {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { data, error, loading } = useHealthReport();

  if (error && !data) return <Widget.Error>{formatMessage(widgetMessages.error)}</Widget.Error>;
  if (!data) {
    return loading ? (
      <Widget.Loading>{formatMessage(widgetMessages.loading)}</Widget.Loading>
    ) : (
      <Widget.Error>{formatMessage(widgetMessages.error)}</Widget.Error>
    );
  }

  if (data.counts.total === 0 || data.findings.length === 0) {
    return (
      <Flex height="100%" direction="column" justifyContent="center" alignItems="center" gap={3}>
        <CheckCircle
          aria-hidden
          focusable={false}
          width="3.2rem"
          height="3.2rem"
          fill="success600"
        />
        <Typography textColor="neutral700" textAlign="center">
          {formatMessage(widgetMessages.allGood)}
        </Typography>
      </Flex>
    );
  }

  const groups = groupByEntry(data.findings);
  const top = groups.slice(0, TOP_ENTRIES);
  const kinds = KINDS.filter((kind) => (data.counts.byKind[kind] ?? 0) > 0);

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex
        tag="ul"
        gap={2}
        wrap="wrap"
        aria-label={formatMessage(widgetMessages.bySeverity)}
        data-testid="content-health-severity-counts"
      >
        {SEVERITIES.map((severity) => (
          <Flex tag="li" key={severity} gap={2} alignItems="center">
            <Typography variant="delta" tag="span" textColor="neutral800">
              {intl.formatNumber(data.counts.bySeverity[severity] ?? 0)}
            </Typography>
            <SeverityBadge severity={severity} />
          </Flex>
        ))}
      </Flex>

      {kinds.length > 0 && (
        <Flex tag="ul" gap={3} wrap="wrap" aria-label={formatMessage(widgetMessages.byKind)}>
          {kinds.map((kind) => (
            <li key={kind}>
              <Typography variant="pi" textColor="neutral600">
                {labelOf(intl, kindLabels, kind)}:{' '}
                <Typography variant="pi" fontWeight="bold" textColor="neutral800">
                  {intl.formatNumber(data.counts.byKind[kind] ?? 0)}
                </Typography>
              </Typography>
            </li>
          ))}
        </Flex>
      )}

      <Box>
        <Typography variant="sigma" tag="h3" textColor="neutral600" id="content-health-top">
          {formatMessage(widgetMessages.top)}
        </Typography>
        <Flex
          tag="ul"
          direction="column"
          alignItems="stretch"
          gap={3}
          paddingTop={2}
          aria-labelledby="content-health-top"
        >
          {top.map((group) => (
            <Box
              tag="li"
              key={group.key}
              paddingBottom={3}
              borderColor="neutral150"
              borderStyle="none none solid none"
              borderWidth="1px"
              data-testid="content-health-entry"
            >
              <Flex gap={2} alignItems="center" wrap="wrap">
                <SeverityBadge severity={group.worst} />
                <Typography fontWeight="semiBold">
                  <EntryLink
                    to={group.editUrl}
                    title={entryTitle(intl, group.entry)}
                    fallback={formatMessage(widgetMessages.untitled)}
                  />
                </Typography>
                <Typography variant="pi" textColor="neutral600">
                  {[
                    group.entry.title !== group.entry.contentType &&
                      contentTypeName(intl, group.entry),
                    localeName(intl, group.entry.locale),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography>
              </Flex>
              {/* Two lines at most each: the panel and the report have the whole text. */}
              <Bullets>
                {group.findings.map((finding) => (
                  <li key={finding.id} data-code={finding.code}>
                    <Clamped variant="pi" textColor="neutral700" tag="p">
                      {findingMessage(intl, finding)}
                    </Clamped>
                  </li>
                ))}
              </Bullets>
            </Box>
          ))}
        </Flex>
        {groups.length > top.length && (
          <Box paddingTop={2}>
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(widgetMessages.more, { count: groups.length - top.length })}
            </Typography>
          </Box>
        )}
      </Box>
    </Flex>
  );
}

export default HealthWidget;
