import { Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAssignmentHistory, type HistoryItem } from '../../api/commissioners';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';

/** The current commissioner of an enterprise and the dated history (enterprise page, drawer). */
export function CommissionerHistory({ enterpriseId }: { enterpriseId: number }) {
  const { t } = useTranslation();
  const history = useAssignmentHistory(enterpriseId);
  if (history.error) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />;
  const current = history.data?.current;
  return (
    <>
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('commissioners.fields.current')}>
          {current ? (
            <span data-testid="current-commissioner">
              {current.commissionerName}（{current.commissionerUsername}）·{' '}
              {t('commissioners.history.since', { date: formatDate(current.startedOn) })}
            </span>
          ) : (
            <Typography.Text type="secondary">{t('commissioners.none')}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      <Table<HistoryItem>
        rowKey="id"
        size="small"
        loading={history.isLoading}
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={history.data?.items ?? []}
        columns={[
          { title: t('commissioners.fields.commissioner'), render: (_, r) => r.commissionerName },
          { title: t('commissioners.fields.startedOn'), render: (_, r) => formatDate(r.startedOn) },
          {
            title: t('commissioners.fields.endedOn'),
            render: (_, r) => formatDate(r.endedOn, t('commissioners.history.ongoing')),
          },
          { title: t('commissioners.fields.assignedBy'), render: (_, r) => r.assignedByName ?? '—' },
          { title: t('commissioners.fields.reason'), render: (_, r) => r.reason || '—' },
        ]}
      />
    </>
  );
}
