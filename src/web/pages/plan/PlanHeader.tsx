import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDeletePeriod, type PlanPeriodSummary } from '../../api/plan';
import { useErrorText } from '../../lib/errorText';

interface HeaderProps {
  canWrite: boolean;
  summary: PlanPeriodSummary | undefined;
  list: PlanPeriodSummary[];
  periodsPending: boolean;
  onNewPeriod: () => void;
}

/** The page title, and for the task force: delete the shown period, add a period. */
export function PlanHeader({ canWrite, summary, list, periodsPending, onNewPeriod }: HeaderProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [, setParams] = useSearchParams();
  const removePeriod = useDeletePeriod();
  return (
    <Flex align="center" justify="space-between" wrap gap={8}>
      <Flex vertical gap={2}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('plan.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('plan.subtitle')}</Typography.Text>
      </Flex>
      {canWrite && (
        <Flex gap={8}>
          {summary && list.length > 1 && (
            <Popconfirm
              title={t('plan.deletePeriodConfirm', { name: summary.key })}
              description={t('plan.deletePeriodText')}
              okButtonProps={{ danger: true, loading: removePeriod.isPending }}
              onConfirm={() =>
                removePeriod
                  .mutateAsync(summary.key)
                  .then(() => {
                    message.success(t('plan.periodDeleted'));
                    setParams((prev) => {
                      const next = new URLSearchParams(prev);
                      next.delete('period');
                      return next;
                    });
                  })
                  .catch((e: unknown) => message.error(errorText(e)))
              }
            >
              <Button danger icon={<DeleteOutlined />} data-testid="plan-period-delete">
                {t('plan.deletePeriod')}
              </Button>
            </Popconfirm>
          )}
          <Button
            icon={<PlusOutlined />}
            onClick={onNewPeriod}
            disabled={periodsPending}
            data-testid="plan-period-new"
          >
            {t('plan.newPeriod')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
