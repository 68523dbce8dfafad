import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments, type Department } from '../../api/requests';
import { useDepartmentUsers, useSaveDepartment } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProperName } from '../../components/ProperName';

/** 成员部门: the task force's member departments as data — list, add, edit, deactivate, and each one's accounts. */
export function DepartmentsPage() {
  const { t, i18n } = useTranslation();
  const departments = useDepartments();
  const [editing, setEditing] = useState<Department | 'new' | null>(null);
  const en = i18n.language.startsWith('en');
  const columns: TableColumnsType<Department> = [
    {
      title: t('departments.name'),
      render: (_, d) => (
        <Flex gap={4} wrap align="center">
          {en ? d.nameEn || d.nameZh : d.nameZh}
          {d.isLead && <Tag color="gold">{t('departments.lead')}</Tag>}
          {!d.active && <Tag>{t('departments.inactive')}</Tag>}
        </Flex>
      ),
    },
    {
      title: t('departments.shortName'),
      width: 130,
      render: (_, d) => <ProperName name={d.shortName} />,
    },
    { title: t('departments.kind'), width: 110, render: (_, d) => t(`departments.kinds.${d.kind}`) },
    {
      title: '',
      width: 80,
      render: (_, d) => <a onClick={() => setEditing(d)}>{t('common.edit')}</a>,
    },
  ];
  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('nav.departments')}
        </Typography.Title>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
          {t('departments.new')}
        </Button>
      </Flex>
      {departments.error ? <ErrorAlert error={departments.error} /> : null}
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Department>
          rowKey="id"
          size="middle"
          loading={departments.isLoading}
          columns={columns}
          dataSource={departments.data ?? []}
          pagination={false}
          expandable={{ expandedRowRender: (d) => <DepartmentUsers id={d.id} /> }}
          data-testid="department-table"
        />
      </Card>
      {editing && (
        <DepartmentModal department={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </Flex>
  );
}

function DepartmentUsers({ id }: { id: number }) {
  const { t } = useTranslation();
  const users = useDepartmentUsers(id);
  if (users.isLoading) return null;
  if (!users.data?.length)
    return <Typography.Text type="secondary">{t('departments.noUsers')}</Typography.Text>;
  return (
    <Flex gap={4} wrap>
      {users.data.map((u) => (
        <Tag key={u.id} color={u.active ? 'blue' : 'default'}>
          {u.displayName}（{u.username}）
        </Tag>
      ))}
    </Flex>
  );
}

function DepartmentModal({ department, onClose }: { department: Department | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const save = useSaveDepartment();
  const [form] = Form.useForm<Omit<Department, 'id'>>();
  return (
    <Modal
      open
      title={department ? t('departments.edit') : t('departments.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
    >
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Form
        form={form}
        layout="vertical"
        initialValues={department ?? { kind: 'city', active: true, isLead: false, nameEn: '', shortName: '' }}
        onFinish={(v) =>
          save.mutate(
            {
              id: department?.id ?? null,
              body: { ...v, nameEn: v.nameEn ?? '', shortName: v.shortName ?? '' },
            },
            {
              onSuccess: () => {
                void message.success(t('departments.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="code"
          label={t('departments.code')}
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_]*$/, message: t('departments.codeRule') }]}
        >
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item name="nameZh" label={t('departments.nameZh')} rules={[{ required: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nameEn" label={t('departments.nameEn')} rules={[{ max: 120 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="shortName" label={t('departments.shortName')} rules={[{ max: 20 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('departments.kind')}>
          <Radio.Group
            options={[
              { value: 'city', label: t('departments.kinds.city') },
              { value: 'district', label: t('departments.kinds.district') },
            ]}
          />
        </Form.Item>
        <Flex gap={32}>
          <Form.Item name="isLead" label={t('departments.lead')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="active" label={t('departments.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}
