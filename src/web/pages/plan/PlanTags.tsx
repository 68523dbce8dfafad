import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StatusKey } from './planFormat';

export const STATUS_COLORS: Record<StatusKey, string> = {
  on_track: 'success',
  at_risk: 'warning',
  off_track: 'error',
  no_data: 'default',
  not_applicable: 'default',
};

/** 正常 / 预警 / 滞后 / 暂无数据 / 不适用. */
export function TargetStatusTag({ status, testId }: { status: StatusKey; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATUS_COLORS[status]}
      variant={status === 'not_applicable' ? 'outlined' : undefined}
      data-testid={testId}
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`plan.status.${status}`)}
    </Tag>
  );
}
