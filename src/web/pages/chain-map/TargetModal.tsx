import { App, Form, Input, Modal, Select, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { TARGET_STATUSES, useSaveTarget, type Target, type TargetStatus } from '../../api/chainMap';
import { usePlatformOptions } from '../../api/platforms';
import { applyServerErrors } from '../../lib/applyServerErrors';
import { useErrorText } from '../../lib/errorText';
import { useLang } from '../../lib/useLang';
import { ApiError } from '../../api/client';

const STATUS_COLORS: Record<TargetStatus, string> = {
  new: 'blue',
  contacting: 'orange',
  converted: 'green',
  dropped: 'default',
};

export function TargetStatusTag({ status }: { status: TargetStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`chainMap.targetStatus.${status}`)}</Tag>;
}

interface TargetForm {
  platformId: number;
  name: string;
  uscc?: string;
  origin?: string;
  note?: string;
  status: TargetStatus;
}

/** Adds or edits an investment target (招商目标) of a node: an outside company to approach. */
export function TargetModal({
  value,
  defaults,
  nodeName,
  onClose,
}: {
  value: Target | 'new';
  defaults: { industryCode: string; nodeCode: string; platformId?: number };
  nodeName?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const lang = useLang();
  const { data: me } = useMe();
  const ownPlatformOnly = !hasPermission(me, 'chainmap:edit');
  const platforms = usePlatformOptions();
  const save = useSaveTarget();
  const [form] = Form.useForm<TargetForm>();
  const editing = value === 'new' ? null : value;
  const key = editing ?? defaults;
  const submit = (v: TargetForm) => {
    const body = {
      industryCode: key.industryCode,
      nodeCode: key.nodeCode,
      platformId: v.platformId,
      name: v.name.trim(),
      uscc: v.uscc?.trim() ? v.uscc.trim() : null,
      origin: v.origin ?? '',
      note: v.note ?? '',
      status: v.status,
    };
    save.mutate(
      { id: editing?.id ?? null, body: editing ? { ...body, version: editing.version } : body },
      {
        onSuccess: () => {
          void message.success(t('chainMap.saved'));
          onClose();
        },
        onError: (e) => {
          const rest = applyServerErrors(form, e, lang, ['platformId', 'name', 'uscc', 'origin', 'note']);
          if (!(e instanceof ApiError) || e.details.length === 0 || rest.length > 0)
            void message.error(errorText(e));
        },
      },
    );
  };
  return (
    <Modal
      open
      title={editing ? t('chainMap.targets.edit') : t('chainMap.targets.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {nodeName && <p>{nodeName}</p>}
      <Form<TargetForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          editing
            ? { ...editing, uscc: editing.uscc ?? '' }
            : { platformId: defaults.platformId, status: 'new' }
        }
      >
        <Form.Item
          name="platformId"
          label={t('chainMap.platform')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            disabled={ownPlatformOnly}
            options={(platforms.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('chainMap.targets.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={100} data-testid="target-name" />
        </Form.Item>
        <Form.Item name="uscc" label={t('chainMap.targets.uscc')}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="origin" label={t('chainMap.targets.origin')}>
          <Input maxLength={60} placeholder={t('chainMap.targets.originHint')} />
        </Form.Item>
        <Form.Item name="status" label={t('chainMap.targets.status')}>
          <Select
            options={TARGET_STATUSES.map((s) => ({ value: s, label: t(`chainMap.targetStatus.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('chainMap.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
