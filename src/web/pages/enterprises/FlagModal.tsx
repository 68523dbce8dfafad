import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useFlagEnterpriseYear } from '../../api/enterprises';
import type { EnterpriseYear } from '../../../modules/enterprises/enterprises.schemas';
import { applyServerErrors } from '../../lib/applyServerErrors';
import { useErrorText } from '../../lib/errorText';
import { formatNumber } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { fieldName, YEAR_FIELD_KEYS, YEAR_FIELD_UNITS } from './enterpriseFields';

const COMMENT_MAX = 500;

interface Values {
  field?: string;
  comment: string;
}

interface Props {
  enterpriseId: number;
  /** The year being flagged; null when closed. */
  year: number | null;
  yearData: EnterpriseYear | undefined;
  onClose: () => void;
}

/** "反馈数据有误": the enterprise names the wrong figure of a year and says why. */
export function FlagModal({ enterpriseId, year, yearData, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const flag = useFlagEnterpriseYear(enterpriseId);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (year === null || !values.field) return;
    setError(null);
    try {
      await flag.mutateAsync({ year, field: values.field, comment: values.comment.trim() });
      void message.success(t('enterprise.flag.sent'));
      onClose();
    } catch (e) {
      const unmatched = applyServerErrors(form, e, lang, ['field', 'comment']);
      if (!(e instanceof ApiError) || e.details.length === 0 || unmatched.length > 0) setError(e);
    }
  };

  return (
    <Modal
      open={year !== null}
      title={t('enterprise.flag.title', { year: year ?? '' })}
      okText={t('enterprise.flag.submit')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      afterClose={() => setError(null)}
      confirmLoading={flag.isPending}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('enterprise.flag.hint')}</Typography.Paragraph>
      {error !== null && (
        <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        name="enterprise-flag"
        form={form}
        layout="vertical"
        preserve={false}
        disabled={flag.isPending}
      >
        <Form.Item
          name="field"
          label={t('enterprise.flag.field')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Select
            placeholder={t('common.select')}
            options={YEAR_FIELD_KEYS.map((key) => {
              const v = yearData?.[key];
              const shown =
                v === null || v === undefined
                  ? '—'
                  : `${formatNumber(v)} ${t(`units.${YEAR_FIELD_UNITS[key]}`)}`;
              return {
                value: key,
                label: t('enterprise.flag.fieldOption', { name: fieldName(t, key), value: shown }),
              };
            })}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t('enterprise.flag.comment')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: COMMENT_MAX, message: t('validation.maxLength', { max: COMMENT_MAX }) },
          ]}
        >
          <Input.TextArea
            rows={4}
            showCount
            maxLength={COMMENT_MAX}
            placeholder={t('enterprise.flag.placeholder')}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
