import { useMemo } from 'react';
import { Alert, App, Flex, Form, Input, Modal, Select, Spin, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useCreateRun, useEvaluationRuns } from '../../api/evaluation';
import { useMethods } from '../../api/evaluationMethods';
import { useMethodSubjects } from '../../api/platformEvaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useErrorText } from '../../lib/errorText';
import { lastYear, recentYears } from '../enterprises/enterpriseFields';
import { correctionNeedsReason, defaultMethodId, defaultRunYear } from './evaluationFormat';

interface Props {
  open: boolean;
  onClose: () => void;
  /** Prefills the year (a correction of that year's evaluation). */
  year?: number;
  /** Prefills the reason of the correction. */
  reason?: string;
}

interface Values {
  year: number;
  methodId: number;
  reason?: string;
}

/** "开始评价": scores every enterprise of a year with a method version; the new run is a draft. */
export function RunFormModal({ open, onClose, year, reason }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const runs = useEvaluationRuns();
  const methods = useMethods();
  // A per-mu run scores enterprises: platform methods (the list does not say which) are left out.
  const subjects = useMethodSubjects(methods.data, open);
  const enterpriseMethods = useMemo(
    () =>
      subjects.pending
        ? undefined
        : (methods.data ?? []).filter((m) => subjects.subjects.get(m.id) !== 'platform'),
    [methods.data, subjects.pending, subjects.subjects],
  );
  const create = useCreateRun();
  const chosenYear = Form.useWatch('year', form);
  const needsReason = correctionNeedsReason(runs.data ?? [], chosenYear ?? 0);

  const yearOptions = useMemo(() => {
    const years = new Set([...recentYears(12), ...(runs.data ?? []).map((r) => r.year)]);
    return [...years]
      .sort((a, b) => b - a)
      .map((y) => ({ value: y, label: t('evaluation.yearLabel', { year: y }) }));
  }, [runs.data, t]);

  const methodOptions = useMemo(
    () =>
      [...(enterpriseMethods ?? [])]
        .sort((a, b) => a.key.localeCompare(b.key) || b.version - a.version)
        .map((m) => ({
          value: m.id,
          label: `${m.name} · ${m.key} v${m.version}`,
        })),
    [enterpriseMethods],
  );

  const ready = runs.data !== undefined && enterpriseMethods !== undefined;
  const initialValues = useMemo(
    () =>
      ready
        ? {
            year: year ?? defaultRunYear(runs.data, lastYear()),
            methodId: defaultMethodId(enterpriseMethods, runs.data),
            reason: reason ?? '',
          }
        : undefined,
    [ready, year, reason, runs.data, enterpriseMethods],
  );

  const close = () => {
    if (create.isPending) return;
    create.reset();
    onClose();
  };

  const submit = async (values: Values) => {
    try {
      const run = await create.mutateAsync({
        year: values.year,
        methodId: values.methodId,
        reason: values.reason?.trim() || undefined,
      });
      void message.success(t('evaluation.runForm.done', { year: run.year, version: run.version }));
      create.reset();
      onClose();
      navigate(`/evaluation/runs/${run.id}`);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'REASON_REQUIRED')
        form.setFields([{ name: 'reason', errors: [errorText(e)] }]);
    }
  };

  const fieldError = create.error instanceof ApiError && create.error.code === 'REASON_REQUIRED';

  return (
    <Modal
      open={open}
      title={t('evaluation.runForm.title')}
      okText={t('evaluation.runForm.submit')}
      onOk={() => form.submit()}
      onCancel={close}
      confirmLoading={create.isPending}
      cancelButtonProps={{ disabled: create.isPending }}
      okButtonProps={{ disabled: !ready }}
      maskClosable={false}
      closable={!create.isPending}
      destroyOnHidden
      width={560}
    >
      {runs.error || methods.error || subjects.error ? (
        <ErrorAlert error={runs.error ?? methods.error ?? subjects.error} />
      ) : !initialValues ? (
        <Flex justify="center" style={{ padding: 32 }}>
          <Spin />
        </Flex>
      ) : (
        <Spin spinning={create.isPending} description={t('evaluation.runForm.running')}>
          <Form<Values>
            form={form}
            initialValues={initialValues}
            layout="vertical"
            onFinish={(v) => void submit(v)}
            requiredMark="optional"
          >
            <Form.Item name="year" label={t('evaluation.runForm.year')} rules={[{ required: true }]}>
              <Select
                options={yearOptions}
                data-testid="run-form-year"
                aria-label={t('evaluation.runForm.year')}
              />
            </Form.Item>
            <Form.Item
              name="methodId"
              label={t('evaluation.runForm.method')}
              rules={[{ required: true, message: t('evaluation.runForm.methodRequired') }]}
              extra={t('evaluation.runForm.methodHint')}
            >
              <Select
                options={methodOptions}
                loading={methods.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="run-form-method"
                aria-label={t('evaluation.runForm.method')}
              />
            </Form.Item>
            {needsReason && (
              <Alert
                type="warning"
                showIcon
                style={{ marginBottom: 16 }}
                title={t('evaluation.runForm.correctionTitle', { year: chosenYear })}
                description={t('evaluation.runForm.correctionText')}
              />
            )}
            <Form.Item
              name="reason"
              label={t('evaluation.runForm.reason')}
              required={needsReason}
              rules={[
                {
                  required: needsReason,
                  whitespace: true,
                  message: t('evaluation.runForm.reasonRequired'),
                },
              ]}
              extra={needsReason ? undefined : t('evaluation.runForm.reasonOptional')}
            >
              <Input.TextArea rows={3} maxLength={1000} showCount data-testid="run-form-reason" />
            </Form.Item>
          </Form>
          {create.isPending && (
            <Flex justify="center">
              <Typography.Text type="secondary">{t('evaluation.runForm.runningHint')}</Typography.Text>
            </Flex>
          )}
          {create.error && !fieldError && <ErrorAlert error={create.error} />}
        </Spin>
      )}
    </Modal>
  );
}
