import { Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePlatformOptions } from '../../api/platforms';
import { useDepartments } from '../../api/requests';
import { useSaveWebhook, type Webhook } from '../../api/notifications';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isEnglish } from '../requests/requestLabels';

interface Values {
  target: 'department' | 'platform';
  targetId: number;
  url?: string;
  secret?: string;
  enabled: boolean;
}

/** Add a robot (whose, address, secret) or edit one (new address or secret only when typed). */
export function WebhookForm({ editing, onClose }: { editing: Webhook | 'new'; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const save = useSaveWebhook();
  const target = Form.useWatch('target', form) ?? 'department';
  const departments = useDepartments(editing === 'new');
  const platforms = usePlatformOptions(editing === 'new');
  const isNew = editing === 'new';
  const submit = (v: Values) =>
    save.mutate(
      isNew
        ? {
            id: null,
            body: {
              target: v.target,
              targetId: v.targetId,
              url: v.url ?? '',
              secret: v.secret,
              enabled: v.enabled,
            },
          }
        : {
            id: editing.id,
            body: {
              version: editing.version,
              enabled: v.enabled,
              ...(v.url ? { url: v.url } : {}),
              ...(v.secret !== undefined && v.secret !== '' ? { secret: v.secret } : {}),
            },
          },
      { onSuccess: onClose },
    );
  const options =
    target === 'department'
      ? (departments.data ?? []).map((d) => ({
          value: d.id,
          label: isEnglish(i18n.language) && d.nameEn ? d.nameEn : d.nameZh,
        }))
      : (platforms.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  return (
    <Modal
      open
      title={isNew ? t('webhooks.add') : t('webhooks.edit')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {save.error && <ErrorAlert error={save.error} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ target: 'department', enabled: isNew ? true : editing.enabled }}
      >
        {isNew && (
          <>
            <Form.Item name="target" label={t('webhooks.target')}>
              <Select
                options={[
                  { value: 'department', label: t('webhooks.targets.department') },
                  { value: 'platform', label: t('webhooks.targets.platform') },
                ]}
                onChange={() => form.setFieldValue('targetId', undefined)}
              />
            </Form.Item>
            <Form.Item
              name="targetId"
              label={t('webhooks.whose')}
              rules={[{ required: true, message: t('webhooks.whoseRequired') }]}
            >
              <Select showSearch optionFilterProp="label" options={options} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="url"
          label={t('webhooks.url')}
          extra={isNew ? t('webhooks.urlHelp') : t('webhooks.urlKeep')}
          rules={[
            { required: isNew, message: t('webhooks.urlRequired') },
            { pattern: /^https?:\/\//, message: t('webhooks.urlScheme') },
          ]}
        >
          <Input placeholder="https://oapi.dingtalk.com/robot/send?access_token=…" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="secret"
          label={t('webhooks.secret')}
          extra={
            isNew
              ? t('webhooks.secretHelp')
              : editing.hasSecret
                ? t('webhooks.secretKeep')
                : t('webhooks.secretHelp')
          }
        >
          <Input.Password placeholder="SEC…" autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="enabled" label={t('webhooks.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
