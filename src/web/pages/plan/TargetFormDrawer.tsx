import { useState } from 'react';
import { App, Button, Drawer, Flex, Form, Popconfirm } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import {
  useCreateTarget,
  useDeleteTarget,
  useReloadPeriod,
  useUpdateTarget,
  type MetricInfo,
  type PlanPeriodDetail,
  type PlanTarget,
} from '../../api/plan';
import { ConflictAlert, FormButtons, FormErrorAlert } from '../../components/EditForm';
import { useEditForm } from '../../components/useEditForm';
import {
  formToInput,
  newTargetForm,
  TARGET_FORM_FIELDS,
  targetToForm,
  type TargetFormValues,
} from './planForm';
import { TargetFormFields, useChosenMetric } from './TargetFormFields';

interface Props {
  open: boolean;
  period: PlanPeriodDetail;
  /** The target edited; undefined to add one. */
  target: PlanTarget | undefined;
  metrics: MetricInfo[];
  onClose: () => void;
  /** After the closing animation (the parent unmounts the drawer). */
  afterClose: () => void;
}

/**
 * Adds or edits a target of a period (task force: plan:write). Mounted afresh for each edit, so
 * the form starts from the target it opened with.
 */
export function TargetFormDrawer({ open, period, target, metrics, onClose, afterClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TargetFormValues>();
  const create = useCreateTarget();
  const update = useUpdateTarget();
  const remove = useDeleteTarget();
  const reload = useReloadPeriod();
  const edit = useEditForm(form, {
    fields: TARGET_FORM_FIELDS,
    fieldOf: (e) => (e.code === 'TARGET_CODE_EXISTS' ? 'code' : undefined),
    scrollToError: true,
    guard: false,
  });
  const { conflict, setConflict, error, setError } = edit;
  /** The version being edited: replaced by the latest after a conflict and a reload. */
  const [current, setCurrent] = useState<PlanTarget | undefined>(target);
  const [reloading, setReloading] = useState(false);
  const saving = create.isPending || update.isPending;
  const { byKey, format } = useChosenMetric(form, metrics);

  // The form starts from the target it opened with; a reload after a conflict sets the fields itself.
  const [initialValues] = useState<TargetFormValues>(() =>
    target ? targetToForm(target, byKey.get(target.metric)?.format) : newTargetForm(period, period.targets),
  );

  const submit = async (values: TargetFormValues) => {
    setError(null);
    const input = formToInput(values, format);
    try {
      if (current) {
        await update.mutateAsync({ id: current.id, input, version: current.version });
        void message.success(t('plan.form.saved', { code: input.code }));
      } else {
        await create.mutateAsync({ periodId: period.id, input });
        void message.success(t('plan.form.created', { code: input.code }));
      }
      onClose();
    } catch (e) {
      edit.onError(e);
    }
  };

  /** After a conflict: the latest version from the server replaces the form (own edits dropped). */
  const loadLatest = async () => {
    if (!current) return;
    setReloading(true);
    try {
      const fresh = await reload(period.key);
      const latest = fresh.targets.find((x) => x.id === current.id);
      if (!latest) {
        setError(
          new ApiError(
            404,
            'TARGET_NOT_FOUND',
            t('plan.form.gone', { lng: 'zh-CN' }),
            t('plan.form.gone', { lng: 'en' }),
          ),
        );
        setConflict(false);
        return;
      }
      setCurrent(latest);
      form.resetFields();
      form.setFieldsValue(targetToForm(latest, byKey.get(latest.metric)?.format));
      setConflict(false);
      setError(null);
      void message.info(t('plan.form.reloaded', { version: latest.version }));
    } catch (e) {
      setError(e);
    } finally {
      setReloading(false);
    }
  };

  const doDelete = async () => {
    if (!current) return;
    try {
      await remove.mutateAsync(current.id);
      void message.success(t('plan.deleted', { code: current.code }));
      onClose();
    } catch (e) {
      setError(e);
    }
  };

  const close = () => {
    if (!saving) onClose();
  };

  const footer = (
    <Flex vertical gap={12}>
      {conflict && (
        <ConflictAlert
          testId="plan-target-conflict"
          title={t('plan.form.conflictTitle')}
          description={t('plan.form.conflictText')}
          reloadLabel={t('plan.form.loadLatest')}
          reloading={reloading}
          onReload={() => void loadLatest()}
        />
      )}
      <FormErrorAlert error={error} />
      <Flex justify="space-between" gap={8}>
        <div>
          {current && (
            <Popconfirm
              title={t('plan.deleteTitle', { code: current.code })}
              description={t('plan.deleteText')}
              okText={t('plan.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => void doDelete()}
            >
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending} disabled={saving}>
                {t('plan.delete')}
              </Button>
            </Popconfirm>
          )}
        </div>
        <FormButtons
          cancelFirst
          isEdit={!!current}
          saving={saving}
          submitDisabled={conflict}
          onSubmit={() => form.submit()}
          onCancel={close}
          submitTestId="plan-target-submit"
        />
      </Flex>
    </Flex>
  );

  return (
    <Drawer
      open={open}
      onClose={close}
      afterOpenChange={(visible) => {
        if (!visible) afterClose();
      }}
      size={720}
      mask={{ closable: false }}
      title={
        current
          ? t('plan.form.editTitle', { code: current.code, period: period.key })
          : t('plan.form.newTitle', { period: period.key })
      }
      footer={footer}
    >
      <Form<TargetFormValues>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        disabled={saving}
        requiredMark="optional"
        data-testid="plan-target-form"
        onFinish={(values) => void submit(values)}
        scrollToFirstError
      >
        <TargetFormFields form={form} period={period} metrics={metrics} />
      </Form>
    </Drawer>
  );
}
