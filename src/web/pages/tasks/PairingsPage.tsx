import {
  Button,
  Card,
  DatePicker,
  Flex,
  Form,
  Select,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { usePlatformOptions } from '../../api/platforms';
import { usePairingChange, usePairings, type Pairing } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';
import { ProperName } from '../../components/ProperName';

/** 市领导联系重点产业平台: which city leader is paired with which platform, from when to when. */
export function PairingsPage() {
  const { t, i18n } = useTranslation();
  const pairings = usePairings();
  const platforms = usePlatformOptions();
  const change = usePairingChange();
  const [form] = Form.useForm<{ leaderUserId: number; platformId: number; fromOn: Dayjs }>();
  const en = i18n.language.startsWith('en');
  const columns: TableColumnsType<Pairing> = [
    { title: t('pairings.leader'), render: (_, p) => <ProperName name={p.leaderName} /> },
    {
      title: t('pairings.platform'),
      render: (_, p) => (en ? p.platformNameEn || p.platformName : p.platformName),
    },
    { title: t('pairings.from'), dataIndex: 'fromOn', width: 120, render: (d: string) => formatDate(d) },
    {
      title: t('pairings.to'),
      dataIndex: 'toOn',
      width: 140,
      render: (d: string | null, p) =>
        d ? (
          formatDate(d)
        ) : (
          <Flex gap={8} align="center">
            <Tag color="green">{t('pairings.current')}</Tag>
            <a onClick={() => change.mutate({ end: p.id, toOn: dayjs().format('YYYY-MM-DD') })}>
              {t('pairings.end')}
            </a>
          </Flex>
        ),
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('nav.pairings')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('pairings.hint')}</Typography.Text>
      {pairings.error || change.error ? <ErrorAlert error={pairings.error ?? change.error} /> : null}
      <Card size="small">
        <Form
          form={form}
          layout="inline"
          initialValues={{ fromOn: dayjs() }}
          onFinish={(v) =>
            change.mutate(
              {
                create: {
                  leaderUserId: v.leaderUserId,
                  platformId: v.platformId,
                  fromOn: v.fromOn.format('YYYY-MM-DD'),
                },
              },
              { onSuccess: () => form.resetFields(['platformId']) },
            )
          }
        >
          <Form.Item name="leaderUserId" rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              placeholder={t('pairings.leader')}
              options={(pairings.data?.leaders ?? []).map((l) => ({ value: l.id, label: l.displayName }))}
            />
          </Form.Item>
          <Form.Item name="platformId" rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 240 }}
              placeholder={t('pairings.platform')}
              options={(platforms.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
          <Form.Item name="fromOn" rules={[{ required: true }]}>
            <DatePicker aria-label={t('pairings.from')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={change.isPending}>
            {t('pairings.add')}
          </Button>
        </Form>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Pairing>
          rowKey="id"
          size="middle"
          loading={pairings.isLoading}
          columns={columns}
          dataSource={pairings.data?.items ?? []}
          pagination={false}
        />
      </Card>
    </Flex>
  );
}
