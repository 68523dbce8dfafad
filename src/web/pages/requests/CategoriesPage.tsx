import { App, Card, Flex, InputNumber, Switch, Table, Typography, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRequestCategories, useUpdateCategory, type Category } from '../../api/requests';
import { ErrorAlert } from '../../components/ErrorAlert';
import { categoryName } from './requestLabels';

/** The task force's request categories and their deadlines in working days (each change saved at once). */
export function CategoriesPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const categories = useRequestCategories();
  const update = useUpdateCategory();
  const save = (c: Category, patch: Partial<Category>) => {
    const next = { ...c, ...patch };
    update.mutate(
      {
        code: c.code,
        body: {
          nameZh: next.nameZh,
          nameEn: next.nameEn,
          slaSimpleDays: next.slaSimpleDays,
          slaComplexDays: next.slaComplexDays,
          active: next.active,
        },
      },
      { onSuccess: () => void message.success(t('requests.categories.saved')) },
    );
  };
  const days = (key: 'slaSimpleDays' | 'slaComplexDays') => (v: number, c: Category) => (
    <InputNumber
      min={1}
      max={60}
      precision={0}
      defaultValue={v}
      addonAfter={t('requests.categories.days')}
      onBlur={(e) => {
        const n = Number(e.target.value);
        if (Number.isInteger(n) && n >= 1 && n <= 60 && n !== v) save(c, { [key]: n });
      }}
      style={{ width: 150 }}
    />
  );
  const columns: TableColumnsType<Category> = [
    {
      title: t('requests.col.category'),
      render: (_, c) => categoryName({ categoryZh: c.nameZh, categoryEn: c.nameEn }, i18n.language),
    },
    { title: t('requests.complexity.simple'), dataIndex: 'slaSimpleDays', render: days('slaSimpleDays') },
    { title: t('requests.complexity.complex'), dataIndex: 'slaComplexDays', render: days('slaComplexDays') },
    {
      title: t('requests.categories.active'),
      dataIndex: 'active',
      render: (v: boolean, c) => <Switch checked={v} onChange={(active) => save(c, { active })} />,
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('nav.request-categories')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('requests.categories.hint')}</Typography.Text>
      {categories.error || update.error ? <ErrorAlert error={categories.error ?? update.error} /> : null}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Category>
          rowKey="code"
          size="middle"
          loading={categories.isLoading}
          columns={columns}
          dataSource={categories.data ?? []}
          pagination={false}
          scroll={{ x: 640 }}
        />
      </Card>
    </Flex>
  );
}
