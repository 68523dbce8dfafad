import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  useAssign,
  useBulkAssign,
  useBulkPreview,
  useCommissioners,
  type AssignmentFilter,
  type AssignmentRow,
} from '../../api/commissioners';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatInteger } from '../../lib/format';

/** One enterprise (row) or every enterprise matching the filter (bulk). */
export type AssignTarget = { kind: 'one'; row: AssignmentRow } | { kind: 'bulk'; filter: AssignmentFilter };

interface Props {
  target: AssignTarget | null;
  onClose: () => void;
}

/** Picks a commissioner for one enterprise, or for all matching the filter (with a count preview). */
export function AssignModal({ target, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ commissionerUserId?: number; reason?: string }>();
  const to = Form.useWatch('commissionerUserId', form);
  const commissioners = useCommissioners(target !== null);
  const assign = useAssign();
  const bulk = useBulkAssign();
  const filter = target?.kind === 'bulk' ? target.filter : {};
  const preview = useBulkPreview(filter, to, target?.kind === 'bulk');
  const close = () => {
    assign.reset();
    bulk.reset();
    form.resetFields();
    onClose();
  };
  const submit = async (v: { commissionerUserId?: number; reason?: string }) => {
    if (!target || !v.commissionerUserId) return;
    try {
      if (target.kind === 'one') {
        await assign.mutateAsync({
          enterpriseId: target.row.enterpriseId,
          commissionerUserId: v.commissionerUserId,
          reason: v.reason,
        });
        void message.success(t('commissioners.assign.done', { name: target.row.name }));
      } else {
        const r = await bulk.mutateAsync({
          filter,
          commissionerUserId: v.commissionerUserId,
          reason: v.reason,
        });
        void message.success(t('commissioners.bulk.done', { count: r.assigned }));
      }
      close();
    } catch {
      // shown in the modal
    }
  };
  return (
    <Modal
      open={target !== null}
      title={target?.kind === 'one' ? t('commissioners.assign.title') : t('commissioners.bulk.title')}
      okText={t('commissioners.assign.ok')}
      cancelText={t('common.cancel')}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={assign.isPending || bulk.isPending}
      okButtonProps={{ disabled: target?.kind === 'bulk' && preview.data?.changing === 0 }}
      destroyOnHidden
    >
      {target?.kind === 'one' && (
        <Typography.Paragraph>
          {target.row.name}
          {target.row.current
            ? ` · ${t('commissioners.assign.now', { name: target.row.current.commissionerName })}`
            : ''}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="commissionerUserId"
          label={t('commissioners.fields.commissioner')}
          rules={[{ required: true, message: t('commissioners.assign.pick') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={commissioners.isLoading}
            options={(commissioners.data ?? [])
              .filter((c) => !c.disabled)
              .map((c) => ({
                value: c.userId,
                label: `${c.displayName}（${c.username}）${c.platformName ? ` · ${c.platformName}` : ''}`,
              }))}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('commissioners.fields.reason')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
      {target?.kind === 'bulk' && preview.data && (
        <Alert
          type="info"
          showIcon
          message={t('commissioners.bulk.preview', {
            matching: formatInteger(preview.data.matching),
            changing: formatInteger(preview.data.changing),
          })}
        />
      )}
      {(assign.error || bulk.error) && <ErrorAlert error={assign.error ?? bulk.error} />}
    </Modal>
  );
}
