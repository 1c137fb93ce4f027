// The edit view's "Schedule" panel: the entry's pending (and failed) scheduled publishes and
// unpublishes in the locale being edited, "Publish at" / "Unpublish at" in the editor's time zone
// (sent as ISO), cancel and dismiss. The server (cms/src/schedules) checks the permission and the
// sign-off rule; its refusal is shown as it is (English and Spanish for a sign-off refusal).
import * as React from 'react';
import { Button, Field, Flex, Loader, Typography } from '@strapi/design-system';
import { useFetchClient, useQueryParams } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { scheduleMessages as m } from './messages';

type Action = 'publish' | 'unpublish';

interface ScheduleRow {
  id: number;
  action: Action;
  at: string;
  status: 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
  setByName: string;
  message: string | null;
}

interface ServerError {
  response?: { data?: { error?: { message?: string } } };
}

const reasonOf = (error: unknown): string | undefined =>
  (error as ServerError)?.response?.data?.error?.message;

interface Target {
  uid: string;
  documentId: string;
  locale: string;
}

function ScheduleForm({
  action,
  onSubmit,
}: {
  action: Action;
  onSubmit: (action: Action, at: Date) => Promise<void>;
}) {
  const { formatMessage } = useIntl();
  const [value, setValue] = React.useState('');
  const [hint, setHint] = React.useState<string | null>(null);
  const label = formatMessage(action === 'publish' ? m.publishAt : m.unpublishAt);
  const schedule = () => {
    // datetime-local has no zone: the browser reads it in the editor's own time zone.
    const at = new Date(value);
    if (!value || Number.isNaN(at.getTime())) return setHint(formatMessage(m.empty));
    setHint(null);
    void onSubmit(action, at).then(() => setValue(''));
  };
  return (
    // Not a <form>: the edit view is one already (a nested form would submit the page).
    <div role="group" aria-label={label}>
      <Flex direction="column" alignItems="stretch" gap={1}>
        <Field.Root name={`schedule-${action}`} id={`schedule-${action}`} hint={hint ?? undefined}>
          <Field.Label>{label}</Field.Label>
          <Field.Input
            type="datetime-local"
            value={value}
            onChange={(event: React.ChangeEvent<HTMLInputElement>) => setValue(event.target.value)}
          />
          <Field.Hint />
        </Field.Root>
        <Button type="button" variant="secondary" size="S" onClick={schedule}>
          {formatMessage(m.set)}
        </Button>
      </Flex>
    </div>
  );
}

export function SchedulePanelContent({ uid, documentId, locale }: Target) {
  const { formatMessage, formatDate } = useIntl();
  const { get, post, del } = useFetchClient();
  const [rows, setRows] = React.useState<ScheduleRow[] | null>(null);
  const [loadError, setLoadError] = React.useState(false);
  const [notice, setNotice] = React.useState<{ text: string; refused: boolean } | null>(null);
  const [attempt, setAttempt] = React.useState(0);

  React.useEffect(() => {
    let current = true;
    get<{ data: ScheduleRow[] }>('/schedules', { params: { uid, documentId, locale } }).then(
      (response) => {
        if (!current) return;
        setRows(response.data.data);
        setLoadError(false);
      },
      () => current && setLoadError(true),
    );
    return () => {
      current = false;
    };
  }, [uid, documentId, locale, attempt, get]);

  const reload = () => setAttempt((n) => n + 1);
  const submit = async (action: Action, at: Date) => {
    try {
      await post('/schedules', { uid, documentId, locale, action, at: at.toISOString() });
      setNotice({ text: formatMessage(m.saved), refused: false });
    } catch (error) {
      setNotice({
        text: formatMessage(m.refused, { reason: reasonOf(error) ?? formatMessage(m.error) }),
        refused: true,
      });
    }
    reload();
  };
  const cancel = async (row: ScheduleRow) => {
    try {
      await del(`/schedules/${row.id}`);
      setNotice(null);
    } catch (error) {
      setNotice({ text: reasonOf(error) ?? formatMessage(m.error), refused: true });
    }
    reload();
  };

  if (loadError) {
    return (
      <Typography variant="pi" textColor="neutral700">
        {formatMessage(m.error)}
      </Typography>
    );
  }
  if (!rows) {
    return (
      <Flex justifyContent="center" width="100%">
        <Loader small>{formatMessage(m.loading)}</Loader>
      </Flex>
    );
  }
  const when = (at: string) => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  const shown = rows.filter((row) => ['pending', 'running', 'failed'].includes(row.status));
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} width="100%" data-testid="schedule-panel">
      {shown.length === 0 ? (
        <Typography variant="omega" textColor="neutral700">
          {formatMessage(m.none)}
        </Typography>
      ) : (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
          {shown.map((row) => (
            <li key={row.id} data-status={row.status}>
              <Flex direction="column" alignItems="flex-start" gap={1}>
                <Typography variant="pi" fontWeight="bold" textColor="neutral800">
                  {formatMessage(row.status === 'failed' ? m.failed : m.pending)}
                </Typography>
                <Typography variant="omega" textColor="neutral800">
                  {formatMessage(row.action === 'publish' ? m.rowPublish : m.rowUnpublish, {
                    at: when(row.at),
                  })}{' '}
                  ({row.setByName})
                </Typography>
                {row.status === 'failed' && row.message && (
                  <Typography variant="pi" textColor="danger600">
                    {row.message}
                  </Typography>
                )}
                {row.status !== 'running' && (
                  <Button variant="tertiary" size="S" onClick={() => void cancel(row)}>
                    {formatMessage(row.status === 'failed' ? m.dismiss : m.cancel)}
                  </Button>
                )}
              </Flex>
            </li>
          ))}
        </Flex>
      )}
      {notice && (
        <Typography
          variant="pi"
          role={notice.refused ? 'alert' : 'status'}
          textColor={notice.refused ? 'danger600' : 'success600'}
        >
          {notice.text}
        </Typography>
      )}
      <ScheduleForm action="publish" onSubmit={submit} />
      <ScheduleForm action="unpublish" onSubmit={submit} />
      <Typography variant="pi" textColor="neutral600">
        {formatMessage(m.timeZone, { zone })}
      </Typography>
    </Flex>
  );
}

interface PanelProps {
  model: string;
  documentId?: string;
  document?: { documentId?: string; locale?: string | null } & Record<string, unknown>;
}

/** The panel description for the Content Manager (`addEditViewSidePanel`), for `api::` types. */
export function SchedulePanel({ model, documentId, document }: PanelProps) {
  const { formatMessage } = useIntl();
  const [{ query }] = useQueryParams<{ plugins?: { i18n?: { locale?: string } } }>();
  if (!model.startsWith('api::')) return null;
  const locale = document?.locale ?? query?.plugins?.i18n?.locale ?? undefined;
  const id = document?.documentId ?? documentId;
  return {
    title: formatMessage(m.title),
    content:
      id && locale ? (
        <SchedulePanelContent uid={model} documentId={id} locale={locale} />
      ) : (
        <Typography variant="pi" textColor="neutral600">
          {formatMessage(m.notSaved)}
        </Typography>
      ),
  };
}
