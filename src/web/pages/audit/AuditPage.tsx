import type { TableProps } from 'antd';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAudit } from '../../api/audit';
import { downloadUrl } from '../../api/client';
import type { AuditRecord as AuditEntry, AuditQuery } from '../../../modules/audit/audit.schemas';
import { actionName } from '../../../modules/audit/core/actions';
import { ExportButton, ListPage } from '../../components/ListPage';
import { formatDateTime } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import { useQueryParams } from '../../lib/useQueryParams';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { AuditObjectCell } from './AuditObjectCell';
import { VerifyAuditButton } from './VerifyAuditButton';

/** Audit detail as indented JSON text (rendered as text, never as HTML). */
export function detailText(detail: unknown): string {
  if (typeof detail === 'string') {
    try {
      return JSON.stringify(JSON.parse(detail), null, 2);
    } catch {
      return detail;
    }
  }
  try {
    return JSON.stringify(detail, null, 2) ?? String(detail);
  } catch {
    return String(detail);
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const positive = (text: string | null, fallback: number) => {
  const n = Number(text);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

/** The log's filters and page, read from the address. */
function parseQuery(params: URLSearchParams): AuditQuery {
  const result = params.get('result');
  const day = (key: string) => {
    const v = params.get(key);
    return v && DAY.test(v) ? v : undefined;
  };
  return {
    action: params.get('action') || undefined,
    username: params.get('username') || undefined,
    result: result === 'success' || result === 'failure' ? result : undefined,
    from: day('from'),
    to: day('to'),
    objectType: params.get('objectType') || undefined,
    objectId: params.get('objectId') || undefined,
    page: positive(params.get('page'), 1),
    pageSize: positive(params.get('pageSize'), 20),
  };
}

export function AuditPage() {
  const { t } = useTranslation();
  const { query, update } = useQueryParams(parseQuery);
  const { page, pageSize, ...filters } = query;
  const { data, isPending, isFetching, error, refetch } = useAudit(query);
  const lang = useLang() === 'en' ? 'en' : 'zh';
  usePageTitle(t('audit.title'));

  const apply = (patch: Partial<AuditFilterValues>) => update(patch);

  const columns: TableProps<AuditEntry>['columns'] = [
    { key: 'at', title: t('audit.at'), width: 170, render: (_, e) => formatDateTime(e.at) },
    {
      key: 'username',
      title: t('audit.username'),
      width: 150,
      render: (_, e) =>
        e.username === null ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <div>
            {e.username.startsWith('system:') ? t('audit.system') : (e.actorName ?? e.username)}
            {(e.actorName !== null || e.username.startsWith('system:')) && (
              <Typography.Text type="secondary" className="yy-audit-code">
                {' '}
                {e.username}
              </Typography.Text>
            )}
          </div>
        ),
    },
    { key: 'ip', title: t('audit.ip'), width: 120, render: (_, e) => e.ip ?? '—' },
    {
      key: 'action',
      title: t('audit.action'),
      width: 170,
      render: (_, e) => <span data-code={e.action}>{actionName(e.action, lang)}</span>,
    },
    {
      key: 'object',
      title: t('audit.object'),
      width: 240,
      render: (_, e) => <AuditObjectCell row={e} />,
    },
    {
      key: 'result',
      title: t('audit.result'),
      width: 100,
      render: (_, e) =>
        e.result === 'success' ? (
          <Tag color="green">{t('audit.success')}</Tag>
        ) : e.result === 'failure' ? (
          <Tag color="red">{t('audit.failure')}</Tag>
        ) : (
          <Tag>{e.result}</Tag>
        ),
    },
  ];

  return (
    <ListPage<AuditEntry>
      title={t('audit.title')}
      actions={
        <Flex gap={8}>
          <VerifyAuditButton />
          <ExportButton href={downloadUrl('/audit/export.xlsx', { ...filters })} testId="audit-export" />
        </Flex>
      }
      filters={
        <AuditFilters
          filters={filters}
          apply={apply}
          objectName={data?.items.find((e) => e.objectType === filters.objectType && e.object)?.object?.name}
        />
      }
      error={error}
      onRetry={() => void refetch()}
      table={{
        'data-testid': 'audit-table',
        columns,
        dataSource: data?.items ?? [],
        loading: isPending || isFetching,
        scroll: { x: 960 },
        expandable: {
          rowExpandable: (e) => e.detail !== null && e.detail !== undefined,
          expandedRowRender: (e) => <pre className="yy-pre">{detailText(e.detail)}</pre>,
        },
      }}
      empty={undefined}
      paging={{
        page,
        pageSize,
        total: data?.total ?? 0,
        onChange: (p, s) => update(s !== pageSize ? { pageSize: s, page: 1 } : { page: p }, false),
      }}
    />
  );
}
