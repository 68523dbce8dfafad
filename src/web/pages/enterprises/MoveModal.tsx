import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useMoveEnterprise } from '../../api/enterprises';
import { usePlatformOptions } from '../../api/platforms';
import type { EnterpriseDetail } from '../../../modules/enterprises/enterprises.schemas';
import { applyServerErrors } from '../../lib/applyServerErrors';
import { useErrorText } from '../../lib/errorText';
import { useLang } from '../../lib/useLang';

const REASON_MAX = 500;

interface Values {
  platformId?: number;
  reason: string;
}

interface Props {
  enterprise: EnterpriseDetail;
  open: boolean;
  onClose: () => void;
}

/** "迁移园区" (task force): moves the enterprise to another platform, with a reason for the audit trail. */
export function MoveModal({ enterprise, open, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const move = useMoveEnterprise(enterprise.id);
  const { data: platforms } = usePlatformOptions(open);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (values.platformId === undefined) return;
    setError(null);
    try {
      const moved = await move.mutateAsync({
        version: enterprise.version,
        platformId: values.platformId,
        reason: values.reason.trim(),
      });
      void message.success(t('enterprise.move.done', { name: moved.platformName }));
      onClose();
    } catch (e) {
      const unmatched = applyServerErrors(form, e, lang, ['platformId', 'reason']);
      if (!(e instanceof ApiError) || e.details.length === 0 || unmatched.length > 0) setError(e);
    }
  };

  return (
    <Modal
      open={open}
      title={t('enterprise.move.title', { name: enterprise.name })}
      okText={t('enterprise.move.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      afterClose={() => setError(null)}
      confirmLoading={move.isPending}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('enterprise.move.hint')}</Typography.Paragraph>
      {error !== null && (
        <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        name="enterprise-move"
        form={form}
        layout="vertical"
        preserve={false}
        disabled={move.isPending}
      >
        <Form.Item label={t('enterprise.move.from')}>
          <Typography.Text data-testid="move-from">{enterprise.platformName}</Typography.Text>
        </Form.Item>
        <Form.Item
          name="platformId"
          label={t('enterprise.move.to')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select<number>
            data-testid="move-platform"
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('common.select')}
            loading={platforms === undefined}
            options={(platforms ?? [])
              .filter((p) => p.id !== enterprise.platformId)
              .map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('enterprise.move.reason')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('enterprise.move.reasonRequired') },
            { max: REASON_MAX, message: t('validation.maxLength', { max: REASON_MAX }) },
          ]}
        >
          <Input.TextArea data-testid="move-reason" rows={3} maxLength={REASON_MAX} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
