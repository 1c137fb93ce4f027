// The edit view's "Schedule" panel strings: ids under `schedules.` (translations/*.json), English
// defaults.
import type { MessageDescriptor } from 'react-intl';

const t = (id: string, defaultMessage: string): MessageDescriptor => ({
  id: `schedules.${id}`,
  defaultMessage,
});

export const scheduleMessages = {
  title: t('panel.title', 'Schedule'),
  notSaved: t('panel.not-saved', 'Save the entry to schedule its publishing.'),
  loading: t('panel.loading', 'Loading the schedule…'),
  error: t('panel.error', 'The schedule could not be loaded. Try again in a moment.'),
  none: t('panel.none', 'Nothing is scheduled in this language.'),
  pending: t('panel.pending', 'Scheduled'),
  failed: t('panel.failed', 'Did not happen'),
  publishAt: t('panel.publish-at', 'Publish at'),
  unpublishAt: t('panel.unpublish-at', 'Unpublish at'),
  set: t('panel.set', 'Schedule'),
  cancel: t('panel.cancel', 'Cancel'),
  dismiss: t('panel.dismiss', 'Dismiss'),
  timeZone: t('panel.time-zone', 'Times are in your time zone ({zone}).'),
  empty: t('panel.empty', 'Choose a date and time first.'),
  refused: t('panel.refused', 'Not scheduled: {reason}'),
  saved: t('panel.saved', 'Scheduled.'),
  rowPublish: t('row.publish', 'Publish on {at}'),
  rowUnpublish: t('row.unpublish', 'Unpublish on {at}'),
};
