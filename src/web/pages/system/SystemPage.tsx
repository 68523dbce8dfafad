import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSystemInfo } from '../../api/system';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { formatInteger } from '../../lib/format';
import { usePageTitle } from '../../lib/usePageTitle';

export function SystemPage() {
  const { t } = useTranslation();
  const { data, isPending, error, refetch } = useSystemInfo();
  usePageTitle(t('system.title'));

  let body;
  if (isPending) body = <PageSpin />;
  else if (!data) body = <ErrorAlert error={error} onRetry={() => void refetch()} />;
  else {
    const mode = data.database.mode;
    const items: DescriptionsProps['items'] = [
      { key: 'version', label: t('system.version'), children: data.version },
      {
        key: 'dbMode',
        label: t('system.dbMode'),
        children: (
          <Tag color={mode === 'embedded' ? 'blue' : 'purple'}>
            {mode === 'embedded' || mode === 'external' ? t(`system.mode.${mode}`) : mode}
          </Tag>
        ),
      },
      { key: 'dbVersion', label: t('system.dbVersion'), children: data.database.serverVersion },
      { key: 'migrations', label: t('system.migrations'), children: formatInteger(data.migrations) },
      { key: 'users', label: t('system.counts.users'), children: formatInteger(data.counts.users) },
      {
        key: 'platforms',
        label: t('system.counts.platforms'),
        children: formatInteger(data.counts.platforms),
      },
      { key: 'sessions', label: t('system.counts.sessions'), children: formatInteger(data.counts.sessions) },
      {
        key: 'auditRows',
        label: t('system.counts.auditRows'),
        children: formatInteger(data.counts.auditRows),
      },
    ];
    body = (
      <Card>
        <Descriptions
          bordered
          size="middle"
          column={{ xs: 1, sm: 1, md: 2 }}
          items={items}
          styles={{ label: { width: 180 } }}
        />
      </Card>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('system.title')}
      </Typography.Title>
      {body}
    </Flex>
  );
}
