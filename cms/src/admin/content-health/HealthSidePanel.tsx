// The edit view's "Content health" panel: the reading level of the entry's text and its problems,
// for the locale being edited, computed on the saved draft and asked again after each save.
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowClockwise, CheckCircle } from '@strapi/icons';
import { useQueryParams } from '@strapi/strapi/admin';
import { useIntl, type IntlShape, type MessageDescriptor } from 'react-intl';
import { useEntryHealth, type HealthError } from './api';
import { fieldName, findingMessage, labelOf, t } from './messages';
import { SeverityBadge } from './SeverityBadge';
import { Bullets } from './Bullets';
import { SEVERITIES, type PageFeedback, type ReadingLevel } from './types';
import { publicContentType } from '../../content-model';

export const panelMessages = {
  title: t('panel.title', 'Content health'),
  loading: t('panel.loading', 'Checking this entry…'),
  notSaved: t('panel.not-saved', 'Save the entry to check its reading level and problems.'),
  notFound: t('panel.not-found', 'This entry was not found: it may have been deleted.'),
  forbidden: t('panel.forbidden', 'You do not have permission to check this entry.'),
  error: t('panel.error', 'The check could not be loaded. Try again in a moment.'),
  retry: t('panel.retry', 'Try again'),
  readingLevel: t('panel.reading-level', 'Reading level'),
  problems: t('panel.problems', 'Problems'),
  noProblems: t('panel.no-problems', 'No problems found in this language.'),
  grade: t('panel.grade', 'Grade level {grade}'),
  ease: t('panel.ease', 'Reading ease {score} out of 100'),
  targetGrade: t('panel.target-grade', 'Target: grade {target} or lower.'),
  targetEase: t('panel.target-ease', 'Target: {target} or higher (higher is easier to read).'),
  aboutGrade: t('panel.about-grade', 'About grade level {grade}.'),
  aboveTarget: t('panel.above-target', 'Harder to read than the target.'),
  onTarget: t('panel.on-target', 'Within the target.'),
  measured: t(
    'panel.measured',
    '{formula}, over {words, plural, one {# word} other {# words}} in {sentences, plural, one {# sentence} other {# sentences}}.',
  ),
  longest: t('panel.longest', 'Longest sentences'),
  sentenceWords: t('panel.sentence-words', '{words, plural, one {# word} other {# words}}'),
  feedback: t('panel.feedback', 'Was this page helpful?'),
  feedbackPage: t(
    'panel.feedback-page',
    '{path}: {answers, plural, one {# answer} other {# answers}} in the last 90 days, {share} % “no”.',
  ),
  feedbackReason: t(
    'panel.feedback-reason',
    'Most common reason: {reason, select, hard_to_understand {hard to understand} out_of_date {out of date} not_what_i_was_looking_for {not what I was looking for} other {other}}.',
  ),
  feedbackNone: t('panel.feedback-none', 'No answers in the last 90 days.'),
  checkedDraft: t(
    'panel.checked-draft',
    'Checked on the last saved draft. Save your changes to check again.',
  ),
};

const formulaNames: Record<ReadingLevel['formula'], MessageDescriptor> = {
  'flesch-kincaid': t('formula.flesch-kincaid', 'Flesch–Kincaid grade level'),
  'fernandez-huerta': t('formula.fernandez-huerta', 'Fernández-Huerta reading ease'),
};

/** A field's name as a heading ("body" → "Body", "cuerpo" → "Cuerpo"). */
function fieldLabel(intl: IntlShape, field: string): string {
  const name = fieldName(intl, field);
  return name.charAt(0).toLocaleUpperCase(intl.locale) + name.slice(1);
}

function errorMessage(error: HealthError) {
  if (error.status === 404) return panelMessages.notFound;
  if (error.status === 403) return panelMessages.forbidden;
  return panelMessages.error;
}

export interface HealthPanelContentProps {
  uid: string;
  documentId?: string;
  locale?: string;
  /** Changes when the entry is saved (its `updatedAt`): the panel asks again. */
  version?: string;
}

export function HealthPanelContent({ uid, documentId, locale, version }: HealthPanelContentProps) {
  const intl = useIntl();
  const { formatMessage } = intl;
  const { data, error, loading, refetch } = useEntryHealth({ uid, documentId, locale }, version);

  if (!documentId) {
    return (
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(panelMessages.notSaved)}
      </Typography>
    );
  }
  if (error && !loading) {
    return (
      <Flex direction="column" alignItems="flex-start" gap={2} width="100%">
        <Typography variant="pi" textColor="neutral700">
          {formatMessage(errorMessage(error))}
        </Typography>
        {error.status !== 403 && error.status !== 404 && (
          <Button variant="tertiary" size="S" startIcon={<ArrowClockwise />} onClick={refetch}>
            {formatMessage(panelMessages.retry)}
          </Button>
        )}
      </Flex>
    );
  }
  if (!data) {
    return (
      <Flex justifyContent="center" width="100%">
        <Loader small>{formatMessage(panelMessages.loading)}</Loader>
      </Flex>
    );
  }

  const readingLevels = data.readingLevels.filter((level) => !locale || level.locale === locale);
  const measured = new Set(readingLevels.map((level) => level.field));
  // A field's "reads above the target" is what its reading-level box above already says.
  const findings = data.findings.filter(
    (finding) =>
      (!locale || finding.entry.locale === locale) &&
      !(finding.kind === 'readability' && measured.has(String(finding.params?.field))),
  );
  const bySeverity = SEVERITIES.map((severity) => ({
    severity,
    findings: findings.filter((finding) => finding.severity === severity),
  })).filter((group) => group.findings.length > 0);

  return (
    <Flex
      direction="column"
      alignItems="stretch"
      gap={4}
      width="100%"
      aria-busy={loading}
      data-testid="content-health-panel"
    >
      {readingLevels.length > 0 && (
        <Flex direction="column" alignItems="stretch" gap={3}>
          <Typography variant="omega" fontWeight="bold" tag="h3" textColor="neutral800">
            {formatMessage(panelMessages.readingLevel)}
          </Typography>
          {readingLevels.map((level) => (
            <ReadingLevelItem
              key={`${level.field}-${level.locale}`}
              level={level}
              showField={readingLevels.length > 1}
            />
          ))}
        </Flex>
      )}

      <Flex direction="column" alignItems="stretch" gap={2}>
        <Typography variant="omega" fontWeight="bold" tag="h3" textColor="neutral800">
          {formatMessage(panelMessages.problems)}
        </Typography>
        {findings.length === 0 ? (
          <Flex gap={2} alignItems="center">
            <CheckCircle aria-hidden focusable={false} fill="success600" />
            <Typography variant="omega" textColor="neutral700">
              {formatMessage(panelMessages.noProblems)}
            </Typography>
          </Flex>
        ) : (
          bySeverity.map((group) => (
            <Flex
              key={group.severity}
              direction="column"
              alignItems="flex-start"
              gap={1}
              data-severity={group.severity}
            >
              <SeverityBadge severity={group.severity} />
              <Bullets>
                {group.findings.map((finding) => (
                  <li key={finding.id} data-code={finding.code}>
                    <Typography variant="omega" textColor="neutral800">
                      {findingMessage(intl, finding)}
                    </Typography>
                  </li>
                ))}
              </Bullets>
            </Flex>
          ))
        )}
      </Flex>

      <FeedbackFigures pages={data.feedback ?? []} />

      <Typography variant="pi" textColor="neutral600">
        {formatMessage(panelMessages.checkedDraft)}
      </Typography>
    </Flex>
  );
}

/** The "Was this page helpful?" answers of the page(s) showing the entry, in this language. */
function FeedbackFigures({ pages }: { pages: PageFeedback[] }) {
  const { formatMessage } = useIntl();
  return (
    <Flex direction="column" alignItems="stretch" gap={1} data-testid="content-health-feedback">
      <Typography variant="omega" fontWeight="bold" tag="h3" textColor="neutral800">
        {formatMessage(panelMessages.feedback)}
      </Typography>
      {pages.length === 0 ? (
        <Typography variant="pi" textColor="neutral700">
          {formatMessage(panelMessages.feedbackNone)}
        </Typography>
      ) : (
        pages.map((page) => (
          <Typography key={`${page.locale} ${page.path}`} variant="pi" textColor="neutral800">
            {formatMessage(panelMessages.feedbackPage, {
              path: page.locale === 'en' ? page.path : `/${page.locale}${page.path}`,
              answers: page.answers,
              share: page.noShare,
            })}
            {page.topReason && (
              <>
                {' '}
                {formatMessage(panelMessages.feedbackReason, {
                  reason: page.topReason.replace(/-/g, '_'),
                })}
              </>
            )}
          </Typography>
        ))
      )}
    </Flex>
  );
}

function ReadingLevelItem({ level, showField }: { level: ReadingLevel; showField: boolean }) {
  const intl = useIntl();
  const { formatMessage, formatNumber } = intl;
  const round = (value: number) => formatNumber(value, { maximumFractionDigits: 1 });
  const sentences = level.longestSentences.slice(0, 3);
  // Fernández-Huerta (Spanish) is a reading-ease score, higher is easier; Flesch–Kincaid a grade.
  const ease = level.formula === 'fernandez-huerta';
  return (
    <Box
      padding={3}
      hasRadius
      background="neutral100"
      borderColor={level.aboveTarget ? 'warning200' : 'neutral150'}
      data-testid="content-health-reading-level"
    >
      <Flex direction="column" alignItems="stretch" gap={1}>
        {showField && (
          <Typography variant="pi" fontWeight="bold" textColor="neutral700">
            {fieldLabel(intl, level.field)}
          </Typography>
        )}
        <Typography variant="delta" tag="p" textColor="neutral800">
          {ease
            ? formatMessage(panelMessages.ease, { score: round(level.score) })
            : formatMessage(panelMessages.grade, { grade: round(level.grade) })}
        </Typography>
        <Flex gap={2} alignItems="center" wrap="wrap">
          {level.aboveTarget ? (
            <SeverityBadge severity="warning" />
          ) : (
            <CheckCircle aria-hidden focusable={false} fill="success600" />
          )}
          <Typography variant="pi" fontWeight="bold" textColor="neutral800">
            {formatMessage(level.aboveTarget ? panelMessages.aboveTarget : panelMessages.onTarget)}
          </Typography>
        </Flex>
        <Typography variant="pi" textColor="neutral700">
          {formatMessage(ease ? panelMessages.targetEase : panelMessages.targetGrade, {
            target: round(level.target),
          })}
          {ease && <> {formatMessage(panelMessages.aboutGrade, { grade: round(level.grade) })}</>}
        </Typography>
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(panelMessages.measured, {
            formula: labelOf(intl, formulaNames, level.formula),
            words: level.words,
            sentences: level.sentences,
          })}
        </Typography>
        {sentences.length > 0 && (
          <Box paddingTop={2}>
            <Typography variant="pi" fontWeight="bold" textColor="neutral700" tag="p">
              {formatMessage(panelMessages.longest)}
            </Typography>
            <Flex tag="ol" direction="column" alignItems="stretch" gap={1} paddingTop={1}>
              {sentences.map((sentence, index) => (
                <li key={index}>
                  <Typography variant="pi" textColor="neutral800">
                    “{sentence.text}”{' '}
                  </Typography>
                  <Typography variant="pi" textColor="neutral600">
                    ({formatMessage(panelMessages.sentenceWords, { words: sentence.words })})
                  </Typography>
                </li>
              ))}
            </Flex>
          </Box>
        )}
      </Flex>
    </Box>
  );
}

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { documentId?: string; locale?: string | null; updatedAt?: string | null } & Record<
    string,
    unknown
  >;
  collectionType: string;
  activeTab: 'draft' | 'published' | null;
}

/**
 * The panel description for the Content Manager (`addEditViewSidePanel`): called like a
 * component, with the edit view's context. Only the project's own content types (`api::…`).
 */
export function HealthSidePanel({ model, documentId, document }: PanelProps) {
  const { formatMessage } = useIntl();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  // The project's patient content only: private types (visitors' feedback) have no health.
  if (!model.startsWith('api::') || !publicContentType(model)) return null;
  const locale = document?.locale ?? query?.plugins?.i18n?.locale ?? undefined;
  const id = document?.documentId ?? documentId;
  return {
    title: formatMessage(panelMessages.title),
    content: (
      <HealthPanelContent
        uid={model}
        documentId={id}
        locale={locale}
        version={document?.updatedAt ?? undefined}
      />
    ),
  };
}
