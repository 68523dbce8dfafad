import { Card, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMe } from '../../api/auth';
import { useMyPlatforms } from '../../api/tasks';
import { formatInteger } from '../../lib/format';

/** A city leader's paired platforms (我联系的平台) with their open requests and tasks. */
export function MyPlatformsCard() {
  const { t, i18n } = useTranslation();
  const { data: me } = useMe();
  const mine = useMyPlatforms(me?.role === 'leader');
  if (!mine.data?.length) return null;
  const en = i18n.language.startsWith('en');
  const count = (v: number) => t('requests.stats.count', { value: formatInteger(v) });
  return (
    <Card
      size="small"
      className="yy-no-print"
      title={t('tasks.myPlatforms')}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          <Link to="/requests">{t('nav.requests')}</Link> · <Link to="/tasks">{t('nav.tasks')}</Link>
        </Typography.Text>
      }
      data-testid="cockpit-my-platforms"
    >
      <Table
        size="small"
        rowKey="platformId"
        pagination={false}
        dataSource={mine.data}
        columns={[
          {
            title: t('pairings.platform'),
            render: (_, p) => (en ? p.platformNameEn || p.platformName : p.platformName),
          },
          { title: t('tasks.openRequests'), dataIndex: 'openRequests', width: 110, render: count },
          { title: t('tasks.openTasks'), dataIndex: 'openTasks', width: 110, render: count },
          {
            title: t('tasks.overdueTasks'),
            dataIndex: 'overdueTasks',
            width: 110,
            render: (v: number) => (
              <Typography.Text type={v > 0 ? 'danger' : undefined}>{count(v)}</Typography.Text>
            ),
          },
        ]}
      />
    </Card>
  );
}
