import { useState } from 'react';
import { Button, Card, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadUrl } from '../../api/client';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { importChangesUrl, isRunning, useImportHistory } from '../../api/imports';
import type { ImportJobView as ImportJob } from '../../../modules/imports/imports.schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatInteger } from '../../lib/format';
import { ImportStatusTag } from './ImportStatusTag';
import { ShortHash } from './ShortHash';
import { TableEmpty } from '../../components/TableEmpty';

/** Earlier imports (newest first, as the server sends them); a row opens its preview. */
export function ImportHistory({ current, onOpen }: { current?: number; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(10);
  const { data, isPending, isFetching, error, refetch } = useImportHistory(page, pageSize);

  const columns: TableProps<ImportJob>['columns'] = [
    {
      key: 'startedAt',
      title: t('imports.startedAt'),
      width: 170,
      render: (_, j) => formatDateTime(j.startedAt),
    },
    { key: 'user', title: t('imports.user'), width: 110, render: (_, j) => j.username ?? '—' },
    {
      key: 'kind',
      title: t('imports.kind'),
      width: 110,
      render: (_, j) => t(`imports.kinds.${j.kind}`, { defaultValue: j.kind }),
    },
    { key: 'year', title: t('imports.year'), width: 70, render: (_, j) => j.year ?? '—' },
    {
      key: 'fileName',
      title: t('imports.fileName'),
      width: 220,
      ellipsis: true,
      render: (_, j) => j.fileName,
    },
    { key: 'sha256', title: 'SHA-256', width: 170, render: (_, j) => <ShortHash hash={j.sha256} /> },
    {
      key: 'rows',
      title: t('imports.counts.rows'),
      width: 80,
      align: 'right',
      render: (_, j) => (isRunning(j) ? '—' : formatInteger(j.rowsTotal)),
    },
    {
      key: 'status',
      title: t('imports.result'),
      width: 110,
      render: (_, j) => <ImportStatusTag status={j.status} />,
    },
    {
      key: 'changes',
      title: t('imports.changes'),
      width: 110,
      render: (_, j) =>
        j.status === 'succeeded' && j.rowsInserted + j.rowsUpdated > 0 ? (
          <Button
            type="link"
            size="small"
            icon={<DownloadOutlined />}
            href={importChangesUrl(j.id)}
            download
            data-testid="import-changes-link"
            title={t('imports.changesHint')}
          >
            {formatInteger(j.rowsInserted + j.rowsUpdated)}
          </Button>
        ) : (
          '—'
        ),
    },
    {
      key: 'open',
      title: t('common.actions'),
      width: 80,
      fixed: 'right',
      render: (_, j) =>
        j.id === current ? (
          <Typography.Text type="secondary">{t('imports.shown')}</Typography.Text>
        ) : (
          <Button type="link" size="small" onClick={() => onOpen(j.id)}>
            {t('imports.open')}
          </Button>
        ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('imports.historyTitle')}
      extra={
        <Button
          size="small"
          icon={<DownloadOutlined />}
          href={downloadUrl('/imports/export.xlsx')}
          download
          data-testid="imports-export"
        >
          {t('common.exportExcel')}
        </Button>
      }
      styles={{ body: { padding: 0 } }}
    >
      {error && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      <Table<ImportJob>
        data-testid="import-history"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={isPending || isFetching}
        scroll={{ x: 1120 }}
        locale={{
          emptyText: <TableEmpty error={error} description={t('imports.noHistory')} />,
        }}
        onChange={(p) => {
          const size = p.pageSize ?? pageSize;
          setPage(size !== pageSize ? 1 : (p.current ?? 1));
          setPageSize(size);
        }}
        pagination={{
          current: page,
          pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          showTotal: (total) => t('common.total', { count: total, formatted: formatInteger(total) }),
          style: { paddingInline: 16 },
        }}
      />
    </Card>
  );
}
