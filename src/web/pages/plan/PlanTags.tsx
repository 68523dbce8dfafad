import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { STATUS_VIEW_TAG } from '../../lib/targetStatus';
import type { StatusKey } from './planFormat';

/**
 * 正常 / 预警 / 滞后 / 已达成 / 已完成 / 未完成 / 暂无数据 / 不适用, in the cockpit's colours
 * (one status → colour mapping, lib/targetStatus.ts).
 */
export function TargetStatusTag({ status, testId }: { status: StatusKey; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag
      color={STATUS_VIEW_TAG[status]}
      variant={status === 'not_applicable' ? 'outlined' : undefined}
      data-testid={testId}
      data-status={status}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`targetStatus.${status}`)}
    </Tag>
  );
}
