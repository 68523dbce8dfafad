import type { ReactNode } from 'react';
import { Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  /** The error of the query the rows come from: when set, the table says it failed to load. */
  error?: unknown;
  /** What an empty table says (only when the rows did load). */
  description: ReactNode;
  /** What an empty table offers (reset the filters, import …). */
  children?: ReactNode;
}

/**
 * What a table without rows shows (its `locale.emptyText`): a failed load is never shown as an
 * empty list — the error alert next to the table says what went wrong and offers the retry.
 */
export function TableEmpty({ error, description, children }: Props) {
  const { t } = useTranslation();
  if (error)
    return (
      <Typography.Text type="danger" data-testid="list-load-failed">
        {t('common.listLoadFailed')}
      </Typography.Text>
    );
  return (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={description}>
      {children}
    </Empty>
  );
}
