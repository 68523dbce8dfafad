import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_VIEW_TAG } from '../../lib/targetStatus';
import type { StatusKey } from './planFormat';

/** The same tag colours as the cockpit's (one status → colour mapping, lib/targetStatus.ts). */
export const STATUS_COLORS: Record<StatusKey, string> = STATUS_VIEW_TAG;

/** 正常 / 预警 / 滞后 / 已达成 / 已完成 / 未完成 / 暂无数据 / 不适用. */
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
      {t(`targetStatus.${status}`)}
    </Tag>
  );
}
