// Registers dayjs's Chinese locale so the date picker shows Chinese month and weekday names
// (dayjs comes with antd; antd's zh_CN locale expects this import).
import 'dayjs/locale/zh-cn';
import type { TableProps } from 'antd';
import { DatePicker, Flex, Input, Select, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useAudit } from '../../api/audit';
import { downloadUrl } from '../../api/client';
import type { AuditRecord as AuditEntry, AuditQuery } from '../../../modules/audit/audit.schemas';
import { ExportButton, ListPage } from '../../components/ListPage';
import { formatDateTime } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';
import { useQueryParams } from '../../lib/useQueryParams';
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

type Filters = Omit<AuditQuery, 'page' | 'pageSize'>;

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
    page: positive(params.get('page'), 1),
    pageSize: positive(params.get('pageSize'), 20),
  };
}

export function AuditPage() {
  const { t } = useTranslation();
  const { query, update } = useQueryParams(parseQuery);
  const { page, pageSize, ...filters } = query;
  const { data, isPending, isFetching, error, refetch } = useAudit(query);
  usePageTitle(t('audit.title'));

  const apply = (patch: Partial<Filters>) => update(patch);

  const columns: TableProps<AuditEntry>['columns'] = [
    { key: 'at', title: t('audit.at'), width: 170, render: (_, e) => formatDateTime(e.at) },
    {
      key: 'username',
      title: t('audit.username'),
      width: 130,
      render: (_, e) => e.username ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    { key: 'ip', title: t('audit.ip'), width: 130, render: (_, e) => e.ip ?? '—' },
    {
      key: 'action',
      title: t('audit.action'),
      width: 200,
      render: (_, e) => (
        <span>
          {t(`audit.actionNames.${e.action.replace('.', '_')}`, { defaultValue: e.action })}{' '}
          <Typography.Text code type="secondary">
            {e.action}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'object',
      title: t('audit.object'),
      width: 180,
      render: (_, e) =>
        e.objectType
          ? `${e.objectType}${e.objectId !== null && e.objectId !== undefined ? ` #${e.objectId}` : ''}`
          : '—',
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
        <Flex wrap gap={12} align="center">
          <Input.Search
            allowClear
            placeholder={t('audit.filters.action')}
            aria-label={t('audit.filters.action')}
            defaultValue={filters.action}
            onSearch={(v) => apply({ action: v.trim() || undefined })}
            style={{ width: 240 }}
          />
          <Input.Search
            allowClear
            placeholder={t('audit.filters.username')}
            aria-label={t('audit.filters.username')}
            defaultValue={filters.username}
            onSearch={(v) => apply({ username: v.trim() || undefined })}
            style={{ width: 180 }}
          />
          <Select<'success' | 'failure'>
            allowClear
            placeholder={t('audit.filters.result')}
            aria-label={t('audit.filters.result')}
            value={filters.result}
            onChange={(v) => apply({ result: v })}
            style={{ width: 130 }}
            options={[
              { value: 'success', label: t('audit.success') },
              { value: 'failure', label: t('audit.failure') },
            ]}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            aria-label={t('audit.filters.dates')}
            format="YYYY-MM-DD"
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            onChange={(dates) =>
              apply({
                from: dates?.[0]?.format('YYYY-MM-DD') ?? undefined,
                to: dates?.[1]?.format('YYYY-MM-DD') ?? undefined,
              })
            }
          />
        </Flex>
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
