// The publish log page's strings: ids under `publish-log.` (translations/*.json), English defaults.
import type { MessageDescriptor } from 'react-intl';

export const LOG_PATH = '/publish-log';
/** The permission the server checks (cms/src/publish-log). */
export const READ_ACTION = 'api::publish-log.read';

const t = (id: string, defaultMessage: string): MessageDescriptor => ({
  id: `publish-log.${id}`,
  defaultMessage,
});

export const logMessages = {
  menu: t('menu.label', 'Publish log'),
  title: t('title', 'Publish log'),
  subtitle: t(
    'subtitle',
    'Every publish, unpublish, delete and refused publish: who, when, which entry and language. Nobody can change it.',
  ),
  filters: t('filters', 'Filters'),
  entry: t('entry', 'Entry'),
  person: t('person', 'Person'),
  from: t('from', 'From'),
  to: t('to', 'To'),
  apply: t('apply', 'Filter'),
  when: t('when', 'When'),
  what: t('what', 'What'),
  language: t('language', 'Language'),
  caption: t('caption', 'The publish log, newest first (up to 100 rows).'),
  loading: t('loading', 'Loading the publish log…'),
  empty: t('empty', 'Nothing matches these filters.'),
  error: t('error', 'The publish log could not be loaded. Try again in a moment.'),
  withoutSignOff: t('without-sign-off', 'without clinical sign-off'),
  allLanguages: t('all-languages', 'all languages'),
};

export const actionLabels: Record<string, MessageDescriptor> = {
  publish: t('action.publish', 'Published'),
  unpublish: t('action.unpublish', 'Unpublished'),
  delete: t('action.delete', 'Deleted'),
  'sign-off-refused': t('action.sign-off-refused', 'Publishing refused (sign-off)'),
  'schedule-set': t('action.schedule-set', 'Schedule set'),
  'schedule-cancelled': t('action.schedule-cancelled', 'Schedule cancelled'),
  'schedule-fired': t('action.schedule-fired', 'Scheduled change made'),
  'schedule-failed': t('action.schedule-failed', 'Scheduled change failed'),
};

/** A schedule row's detail: what was scheduled, for when. */
export const scheduledLabel = t(
  'scheduled',
  '{action, select, publish {publish} other {unpublish}} at {at}',
);
