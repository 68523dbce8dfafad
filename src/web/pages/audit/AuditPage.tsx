import { useState } from 'react';
// Registers dayjs's Chinese locale so the date picker shows Chinese month and weekday names
// (dayjs comes with antd; antd's zh_CN locale expects this import).
import 'dayjs/locale/zh-cn';
import { Button, Card, DatePicker, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { DownloadOutlined } from '@ant-design/icons';
import { useAudit } from '../../api/audit';
import { downloadUrl } from '../../api/client';
import type { AuditEntry, AuditQuery } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatInteger } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';

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

export function AuditPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const { data, isPending, isFetching, error, refetch } = useAudit({ ...filters, page, pageSize });
  usePageTitle(t('audit.title'));

  const apply = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

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
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('audit.title')}
        </Typography.Title>
        <Button
          icon={<DownloadOutlined />}
          href={downloadUrl('/audit/export.xlsx', { ...filters })}
          download
          data-testid="audit-export"
        >
          {t('common.exportExcel')}
        </Button>
      </Flex>
      <Card size="small">
        <Flex wrap gap={12} align="center">
          <Input.Search
            allowClear
            placeholder={t('audit.filters.action')}
            aria-label={t('audit.filters.action')}
            onSearch={(v) => apply({ action: v.trim() || undefined })}
            style={{ width: 240 }}
          />
          <Input.Search
            allowClear
            placeholder={t('audit.filters.username')}
            aria-label={t('audit.filters.username')}
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
            onChange={(dates) =>
              apply({
                from: dates?.[0]?.format('YYYY-MM-DD') ?? undefined,
                to: dates?.[1]?.format('YYYY-MM-DD') ?? undefined,
              })
            }
          />
        </Flex>
      </Card>
      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<AuditEntry>
          data-testid="audit-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isPending || isFetching}
          scroll={{ x: 960 }}
          expandable={{
            rowExpandable: (e) => e.detail !== null && e.detail !== undefined,
            expandedRowRender: (e) => <pre className="yy-pre">{detailText(e.detail)}</pre>,
          }}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (total) => t('common.total', { count: total, formatted: formatInteger(total) }),
            onChange: (p, s) => {
              if (s !== pageSize) {
                setPageSize(s);
                setPage(1);
              } else setPage(p);
            },
            style: { paddingInline: 16 },
          }}
        />
      </Card>
    </Flex>
  );
}
