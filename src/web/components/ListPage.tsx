import type { ReactNode } from 'react';
import { Button, Card, Flex, Table, Typography, type TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../lib/format';
import { ErrorAlert } from './ErrorAlert';
import { TableEmpty } from './TableEmpty';

interface Paging {
  page: number;
  pageSize: number;
  /** Server-side paging: the total; absent: the table pages its own rows. */
  total?: number;
  /** Choices of page size (antd's own when absent). */
  pageSizes?: number[];
  onChange?: (page: number, pageSize: number) => void;
}

interface Props<T> {
  title: string;
  subtitle?: ReactNode;
  /** Top right: column chooser, export, new … */
  actions?: ReactNode;
  /** The filter bar (in its own card). */
  filters?: ReactNode;
  /** Between the filters and the table: charts, banners. */
  notices?: ReactNode;
  error?: unknown;
  onRetry?: () => void;
  /** Inside the table's card, above the table (counts, summaries). */
  above?: ReactNode;
  /** The table; its paging and empty state come from `paging` and `empty`. */
  table: Omit<TableProps<T>, 'pagination' | 'locale'> & { 'data-testid'?: string };
  paging: Paging | false;
  /** What an empty table says, and what it offers (reset the filters, import …). */
  empty: ReactNode;
  emptyAction?: ReactNode;
}

/**
 * A list page: title and actions, filter bar, notices, the table (paging and sorting kept in the
 * address by the page's query hook) with its total and empty state.
 */
export function ListPage<T extends object>(props: Props<T>) {
  const { title, subtitle, actions, filters, notices, error, onRetry, above, table, paging } = props;
  const { t } = useTranslation();
  const heading = (
    <Typography.Title level={4} style={{ margin: 0 }}>
      {title}
    </Typography.Title>
  );
  return (
    <Flex vertical gap={16}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        {subtitle ? (
          <Flex vertical gap={4}>
            {heading}
            <Typography.Text type="secondary">{subtitle}</Typography.Text>
          </Flex>
        ) : (
          heading
        )}
        {actions && (
          <Flex gap={8} wrap>
            {actions}
          </Flex>
        )}
      </Flex>
      {filters && <Card size="small">{filters}</Card>}
      {notices}
      {error ? <ErrorAlert error={error} onRetry={onRetry} /> : null}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        {above}
        <Table<T>
          rowKey="id"
          size="middle"
          {...table}
          locale={{
            emptyText: (
              <TableEmpty error={error} description={props.empty}>
                {props.emptyAction}
              </TableEmpty>
            ),
          }}
          pagination={
            paging && {
              current: paging.page,
              pageSize: paging.pageSize,
              total: paging.total,
              onChange: paging.onChange,
              showSizeChanger: true,
              pageSizeOptions: paging.pageSizes,
              showTotal: (total) => t('common.total', { count: total, formatted: formatInteger(total) }),
              style: { paddingInline: 16 },
            }
          }
        />
      </Card>
    </Flex>
  );
}

/** The list's "export to Excel" button (a download of the same filters and order). */
export function ExportButton({ href, testId, label }: { href: string; testId: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <Button icon={<DownloadOutlined />} href={href} download data-testid={testId}>
      {label ?? t('common.exportExcel')}
    </Button>
  );
}
