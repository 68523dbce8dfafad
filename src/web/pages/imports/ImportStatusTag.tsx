import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportStatus } from '../../../modules/imports/core/columns';

const COLORS: Record<ImportStatus, string> = {
  validating: 'processing',
  ready: 'blue',
  importing: 'processing',
  succeeded: 'success',
  rejected: 'error',
  failed: 'error',
};

export function ImportStatusTag({ status, testId }: { status: ImportStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid={testId} data-status={status}>
      {t(`imports.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
