import { Button, Card, Empty, Flex, List, Typography } from 'antd';
import { PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useRequests } from '../../api/requests';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';
import { RequestTags } from '../requests/RequestTags';
import { categoryName } from '../requests/requestLabels';

const SHOWN = 5;

/** The enterprise's latest requests (same API and scope as the request list), and raising one. */
export function PortalRequests() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { data, error, isLoading, refetch } = useRequests({ page: 1, pageSize: SHOWN });
  return (
    <Card
      size="small"
      data-testid="portal-requests"
      title={t('portal.requests.title')}
      extra={<Link to="/requests">{t('portal.requests.all', { count: data?.total ?? 0 })}</Link>}
    >
      <Button
        type="primary"
        block
        icon={<PlusOutlined />}
        data-testid="portal-raise"
        onClick={() => void navigate('/requests/new')}
        style={{ marginBottom: 12 }}
      >
        {t('portal.requests.raise')}
      </Button>
      {error ? (
        <ErrorAlert error={error} onRetry={() => void refetch()} />
      ) : (
        <List
          loading={isLoading}
          dataSource={data?.items ?? []}
          locale={{
            emptyText: (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('portal.requests.empty')} />
            ),
          }}
          renderItem={(r) => (
            <List.Item key={r.id} style={{ paddingInline: 0 }}>
              <Link
                to={`/requests/${r.id}`}
                style={{ width: '100%', minWidth: 0 }}
                data-testid="portal-request"
              >
                <Flex justify="space-between" align="center" gap={8}>
                  <Flex vertical gap={4} style={{ minWidth: 0 }}>
                    <Typography.Text strong data-user-text style={{ overflowWrap: 'anywhere' }}>
                      {r.title}
                    </Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.code} · {categoryName(r, i18n.language)} ·{' '}
                      {t('portal.requests.due', { date: formatDate(r.dueOn) })}
                    </Typography.Text>
                    <RequestTags r={r} />
                  </Flex>
                  <RightOutlined />
                </Flex>
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
