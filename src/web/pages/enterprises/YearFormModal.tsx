import { useState } from 'react';
import { Alert, App, Col, Form, InputNumber, Modal, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useSaveEnterpriseYear } from '../../api/enterprises';
import type {
  EnterpriseYear,
  YearFigures as EnterpriseYearInput,
} from '../../../modules/enterprises/enterprises.schemas';
import type { YearFieldKey } from '../../../modules/enterprises/core/fields';
import { applyServerErrors } from '../../lib/applyServerErrors';
import { useErrorText } from '../../lib/errorText';
import { useLang } from '../../lib/useLang';
import {
  fieldName,
  INTEGER_FIELDS,
  lastYear,
  recentYears,
  YEAR_FIELD_KEYS,
  YEAR_FIELD_UNITS,
} from './enterpriseFields';

type Values = { year?: number } & Partial<Record<YearFieldKey, number | null>>;

/** Value added may be negative (a loss-making year); every other figure is a count or an amount. */
const MAY_BE_NEGATIVE: ReadonlySet<YearFieldKey> = new Set(['valueAdded']);

interface Props {
  enterpriseId: number;
  open: boolean;
  /** The year being edited; undefined to add a year. */
  year: EnterpriseYear | undefined;
  existingYears: number[];
  onClose: () => void;
}

/** Edits (PUT) the figures of one year; saving clears the enterprise's confirmation of that year. */
export function YearFormModal({ enterpriseId, open, year, existingYears, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const save = useSaveEnterpriseYear(enterpriseId);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);

  const freeYears = recentYears(15).filter((y) => !existingYears.includes(y));
  const defaultYear = freeYears.includes(lastYear()) ? lastYear() : freeYears[0];
  const initialValues: Values = year
    ? Object.fromEntries(YEAR_FIELD_KEYS.map((k) => [k, year[k]]))
    : { year: defaultYear };

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const target = year?.year ?? values.year;
    if (target === undefined) return;
    // The version read: a year changed meanwhile is refused (409) instead of being overwritten.
    const input: EnterpriseYearInput = { version: year?.version ?? 0 };
    for (const key of YEAR_FIELD_KEYS) {
      const v = values[key];
      input[key] = typeof v === 'number' && Number.isFinite(v) ? v : null;
    }
    setError(null);
    try {
      await save.mutateAsync({ year: target, input });
      void message.success(t('enterprise.yearSaved', { year: target }));
      onClose();
    } catch (e) {
      const unmatched = applyServerErrors(form, e, lang, YEAR_FIELD_KEYS);
      if (!(e instanceof ApiError) || e.details.length === 0 || unmatched.length > 0) setError(e);
    }
  };

  return (
    <Modal
      open={open}
      width={720}
      title={year ? t('enterprise.editYearTitle', { year: year.year }) : t('enterprise.addYear')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      afterClose={() => setError(null)}
      confirmLoading={save.isPending}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {year?.confirmedAt && (
        <Alert
          type="warning"
          showIcon
          title={t('enterprise.editClearsConfirmation')}
          style={{ marginBottom: 16 }}
        />
      )}
      {error !== null && (
        <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        name="enterprise-year"
        form={form}
        layout="vertical"
        disabled={save.isPending}
        preserve={false}
        initialValues={initialValues}
      >
        <Row gutter={16}>
          {!year && (
            <Col xs={24} sm={12}>
              <Form.Item
                name="year"
                label={t('enterprise.year')}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <Select<number> options={freeYears.map((y) => ({ value: y, label: String(y) }))} />
              </Form.Item>
            </Col>
          )}
          {YEAR_FIELD_KEYS.map((key) => (
            <Col xs={24} sm={12} key={key}>
              <Form.Item name={key} label={fieldName(t, key)}>
                <InputNumber<number>
                  style={{ width: '100%' }}
                  min={MAY_BE_NEGATIVE.has(key) ? undefined : 0}
                  precision={INTEGER_FIELDS.has(key) ? 0 : undefined}
                  suffix={t(`units.${YEAR_FIELD_UNITS[key]}`)}
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
