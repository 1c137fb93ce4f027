// The publish log (menu link "Publish log", /admin/publish-log): who published, unpublished,
// deleted or was refused publishing what, and when; newest first, filtered by entry title, person
// and dates. Read-only: the server has no route that changes a row (cms/src/publish-log).
import * as React from 'react';
import { Box, Button, Field, Flex, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import { actionLabels, logMessages, scheduledLabel } from './messages';
// The server's row, as GET /publish-log sends it (a type only: nothing of the server is bundled).
import type { LogRow } from '../../publish-log/store';

interface Filters {
  title: string;
  actor: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { title: '', actor: '', from: '', to: '' };

const TableWrapper = styled.div`
  overflow-x: auto;
  table {
    width: 100%;
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: 8px;
    border-bottom: 1px solid ${({ theme }) => theme.colors.neutral200};
    vertical-align: top;
  }
`;

export function PublishLogPage() {
  const { formatMessage, formatDate } = useIntl();
  const { get } = useFetchClient();
  const [draft, setDraft] = React.useState<Filters>(EMPTY);
  const [filters, setFilters] = React.useState<Filters>(EMPTY);
  const [rows, setRows] = React.useState<LogRow[] | null>(null);
  const [error, setError] = React.useState<string | null>(null);

  React.useEffect(() => {
    let current = true;
    const params = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ''));
    get<{ data: LogRow[] }>('/publish-log', { params: { ...params, pageSize: '100' } })
      .then(({ data }) => {
        if (!current) return;
        setRows(data.data);
        setError(null);
      })
      .catch((failure: { response?: { data?: { error?: { message?: string } } } }) => {
        if (current) {
          setError(failure.response?.data?.error?.message ?? formatMessage(logMessages.error));
        }
      });
    return () => {
      current = false;
    };
  }, [filters, get, formatMessage]);

  const field = (name: keyof Filters, label: string, type: 'text' | 'date') => (
    <Field.Root name={name} id={`publish-log-${name}`}>
      <Field.Label>{label}</Field.Label>
      <Field.Input
        type={type}
        value={draft[name]}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) =>
          setDraft({ ...draft, [name]: event.target.value })
        }
      />
    </Field.Root>
  );

  const title = formatMessage(logMessages.title);
  return (
    <Page.Main>
      <Page.Title>{title}</Page.Title>
      <Layouts.Header title={title} subtitle={formatMessage(logMessages.subtitle)} />
      <Layouts.Content>
        <form
          aria-label={formatMessage(logMessages.filters)}
          onSubmit={(event) => {
            event.preventDefault();
            setFilters(draft);
          }}
        >
          <Flex gap={4} alignItems="flex-end" wrap="wrap" paddingBottom={4}>
            {field('title', formatMessage(logMessages.entry), 'text')}
            {field('actor', formatMessage(logMessages.person), 'text')}
            {field('from', formatMessage(logMessages.from), 'date')}
            {field('to', formatMessage(logMessages.to), 'date')}
            <Button type="submit">{formatMessage(logMessages.apply)}</Button>
          </Flex>
        </form>
        {error ? (
          <Typography role="alert">{error}</Typography>
        ) : rows === null ? (
          <Page.Loading>{formatMessage(logMessages.loading)}</Page.Loading>
        ) : rows.length === 0 ? (
          <Typography>{formatMessage(logMessages.empty)}</Typography>
        ) : (
          <Box background="neutral0" padding={4} hasRadius>
            <TableWrapper>
              <table>
                <caption>
                  <Typography variant="omega">{formatMessage(logMessages.caption)}</Typography>
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{formatMessage(logMessages.when)}</th>
                    <th scope="col">{formatMessage(logMessages.what)}</th>
                    <th scope="col">{formatMessage(logMessages.person)}</th>
                    <th scope="col">{formatMessage(logMessages.entry)}</th>
                    <th scope="col">{formatMessage(logMessages.language)}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <tr key={row.id}>
                      <td>
                        <time dateTime={row.at}>
                          {formatDate(row.at, { dateStyle: 'medium', timeStyle: 'medium' })}
                        </time>
                      </td>
                      <td>
                        {actionLabels[row.action]
                          ? formatMessage(actionLabels[row.action])
                          : row.action}
                        {Array.isArray(row.detail?.rules)
                          ? ` (${row.detail.rules.join(', ')})`
                          : ''}
                        {row.detail?.signOff
                          ? ` — ${formatMessage(logMessages.withoutSignOff)}`
                          : ''}
                        {typeof row.detail?.scheduledAction === 'string' &&
                        typeof row.detail.at === 'string'
                          ? ` (${formatMessage(scheduledLabel, {
                              action: row.detail.scheduledAction,
                              at: formatDate(row.detail.at, {
                                dateStyle: 'medium',
                                timeStyle: 'short',
                              }),
                            })})`
                          : ''}
                        {typeof row.detail?.message === 'string' ? ` — ${row.detail.message}` : ''}
                      </td>
                      <td>{row.actorName}</td>
                      <td>
                        {row.title ?? row.documentId ?? '—'}
                        <Typography variant="pi" textColor="neutral600" tag="div">
                          {row.uid}
                        </Typography>
                      </td>
                      <td>
                        {row.locale === '*'
                          ? formatMessage(logMessages.allLanguages)
                          : (row.locale ?? '—')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrapper>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
}

export default PublishLogPage;
