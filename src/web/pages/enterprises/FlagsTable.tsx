import { useState } from 'react';
import type { TableProps } from 'antd';
import { Alert, App, Badge, Button, Empty, Flex, Form, Input, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { useResolveFlag } from '../../api/enterprises';
import type { YearFlag as EnterpriseFlag } from '../../../modules/enterprises/enterprises.schemas';
import { useErrorText } from '../../lib/errorText';
import { formatDateTime } from '../../lib/format';
import { fieldName } from './enterpriseFields';

const NOTE_MAX = 1000;

/** Where a flag stands: open, or who resolved it, when, and how. */
export function FlagStatus({ f }: { f: EnterpriseFlag }) {
  const { t } = useTranslation();
  if (!f.resolvedAt) return <Badge status="warning" text={t('enterprise.flag.open')} />;
  return (
    <Flex vertical gap={2}>
      <Badge
        status="success"
        text={t('enterprise.flag.resolvedText', {
          by: f.resolvedBy || '—',
          at: formatDateTime(f.resolvedAt),
        })}
      />
      {f.resolution && (
        <Typography.Text type="secondary" data-user-text style={{ whiteSpace: 'pre-wrap' }}>
          {f.resolution}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The enterprise's flagged figures (数据反馈); whoever edits its figures resolves each with a note. */
export function Flags({ enterpriseId, flags }: { enterpriseId: number; flags: EnterpriseFlag[] }) {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [resolving, setResolving] = useState<EnterpriseFlag | null>(null);
  const canResolve = hasPermission(me, 'enterprise:write');
  const columns: TableProps<EnterpriseFlag>['columns'] = [
    { key: 'year', title: t('enterprise.year'), dataIndex: 'year', width: 80 },
    { key: 'field', title: t('enterprise.flag.field'), width: 150, render: (_, f) => fieldName(t, f.field) },
    {
      key: 'comment',
      title: t('enterprise.flag.comment'),
      render: (_, f) => (
        <span data-user-text style={{ whiteSpace: 'pre-wrap' }}>
          {f.comment}
        </span>
      ),
    },
    { key: 'createdBy', title: t('enterprise.flag.createdBy'), dataIndex: 'createdBy', width: 120 },
    {
      key: 'createdAt',
      title: t('enterprise.flag.createdAt'),
      width: 170,
      render: (_, f) => formatDateTime(f.createdAt),
    },
    { key: 'status', title: t('enterprise.flag.status'), width: 240, render: (_, f) => <FlagStatus f={f} /> },
  ];
  if (canResolve)
    columns.push({
      key: 'actions',
      title: t('common.actions'),
      width: 90,
      render: (_, f) =>
        f.resolvedAt ? null : (
          <Button
            type="link"
            size="small"
            data-testid={`resolve-flag-${f.id}`}
            onClick={() => setResolving(f)}
          >
            {t('enterprise.flag.resolve')}
          </Button>
        ),
    });
  return (
    <>
      <Table<EnterpriseFlag>
        rowKey="id"
        size="small"
        data-testid="enterprise-flags"
        columns={columns}
        dataSource={[...flags].sort((a, b) => b.createdAt.localeCompare(a.createdAt))}
        pagination={flags.length > 20 ? { pageSize: 20 } : false}
        scroll={{ x: 900 }}
        locale={{
          emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('enterprise.flag.empty')} />,
        }}
      />
      {resolving && (
        <ResolveModal enterpriseId={enterpriseId} flag={resolving} onClose={() => setResolving(null)} />
      )}
    </>
  );
}

function ResolveModal({
  enterpriseId,
  flag,
  onClose,
}: {
  enterpriseId: number;
  flag: EnterpriseFlag;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const resolve = useResolveFlag(enterpriseId);
  const [form] = Form.useForm<{ note: string }>();
  const submit = async () => {
    const { note } = await form.validateFields();
    await resolve.mutateAsync({ flagId: flag.id, note: note.trim() });
    void message.success(t('enterprise.flag.resolvedDone'));
    onClose();
  };
  return (
    <Modal
      open
      title={t('enterprise.flag.resolveTitle')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={resolve.isPending}
      onOk={() => void submit().catch(() => undefined)}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph>
        {flag.year} · {fieldName(t, flag.field)}：<span data-user-text>{flag.comment}</span>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('enterprise.flag.resolveHint')}</Typography.Paragraph>
      {resolve.error ? (
        <Alert type="error" showIcon title={errorText(resolve.error)} style={{ marginBottom: 16 }} />
      ) : null}
      <Form form={form} layout="vertical" name="resolve-flag">
        <Form.Item
          name="note"
          label={t('enterprise.flag.resolution')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('validation.required') },
            { max: NOTE_MAX, message: t('validation.maxLength', { max: NOTE_MAX }) },
          ]}
        >
          <Input.TextArea rows={3} showCount maxLength={NOTE_MAX} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
