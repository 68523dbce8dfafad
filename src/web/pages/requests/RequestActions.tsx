import { useState } from 'react';
import { App, Button, Flex, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartments, useRequestStep, type RequestAction, type RequestDetail } from '../../api/requests';
import { TRANSITIONS } from '../../../modules/requests/core/requests';
import { ErrorAlert } from '../../components/ErrorAlert';
import { isEnglish } from './requestLabels';

interface Values {
  note?: string;
  complexity?: 'simple' | 'complex';
  assigneeKind?: 'department' | 'platform';
  assigneeId?: number;
  rating?: 'satisfied' | 'basically_satisfied' | 'dissatisfied';
}

/** The steps the caller may take now (from the server, which reads the core's table), each in a dialog. */
export function RequestActions({ request }: { request: RequestDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState<RequestAction | null>(null);
  const [form] = Form.useForm<Values>();
  const step = useRequestStep(request.id);
  const needsAssignee = open === 'assign' || open === 'transfer';
  const departments = useDepartments(
    request.actions.includes('assign') || request.actions.includes('transfer'),
  );
  const kind = Form.useWatch('assigneeKind', form);

  if (request.actions.length === 0) return null;

  const submit = async () => {
    const v = await form.validateFields();
    await step.mutateAsync({ step: open!, body: { version: request.version, ...v } });
    void message.success(t(`requests.done.${open}`));
    setOpen(null);
    form.resetFields();
  };

  return (
    <>
      <Flex gap={8} wrap data-testid="request-actions">
        {request.actions.map((a) => (
          <Button
            key={a}
            type={a === 'suspend' ? 'default' : 'primary'}
            onClick={() => {
              step.reset();
              form.resetFields();
              setOpen(a);
            }}
          >
            {t(`requests.action.${a}`)}
          </Button>
        ))}
      </Flex>
      <Modal
        open={open !== null}
        title={open ? t(`requests.action.${open}`) : ''}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={step.isPending}
        onOk={() => void submit().catch(() => undefined)}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        {step.error ? <ErrorAlert error={step.error} /> : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ complexity: 'simple', assigneeKind: 'department' }}
        >
          {open === 'accept' && (
            <Form.Item name="complexity" label={t('requests.complexity.label')}>
              <Radio.Group
                options={(['simple', 'complex'] as const).map((c) => ({
                  value: c,
                  label: t(`requests.complexity.${c}`),
                }))}
              />
            </Form.Item>
          )}
          {needsAssignee && (
            <>
              <Form.Item name="assigneeKind" label={t('requests.assigneeKind')}>
                <Radio.Group
                  options={(['department', 'platform'] as const).map((k) => ({
                    value: k,
                    label: t(`requests.assignee.${k}`),
                  }))}
                />
              </Form.Item>
              {kind !== 'platform' && (
                <Form.Item
                  name="assigneeId"
                  label={t('requests.assignee.department')}
                  rules={[{ required: true, message: t('common.select') }]}
                >
                  <Select
                    showSearch
                    optionFilterProp="label"
                    data-testid="department-select"
                    options={(departments.data ?? [])
                      .filter((d) => d.active)
                      .map((d) => ({
                        value: d.id,
                        label: isEnglish(i18n.language) ? d.nameEn || d.nameZh : d.nameZh,
                      }))}
                  />
                </Form.Item>
              )}
            </>
          )}
          {open === 'rate' && (
            <Form.Item
              name="rating"
              label={t('requests.rating.label')}
              rules={[{ required: true, message: t('common.select') }]}
            >
              <Radio.Group
                options={(['satisfied', 'basically_satisfied', 'dissatisfied'] as const).map((r) => ({
                  value: r,
                  label: t(`requests.rating.${r}`),
                }))}
              />
            </Form.Item>
          )}
          {open &&
            (TRANSITIONS[open].needsNote ||
              ['assign', 'close', 'rate', 'accept', 'resume', 'start'].includes(open)) && (
              <Form.Item
                name="note"
                label={t(
                  open === 'answer'
                    ? 'requests.note.answer'
                    : TRANSITIONS[open].needsNote
                      ? 'requests.note.reason'
                      : 'requests.note.remark',
                )}
                rules={
                  TRANSITIONS[open].needsNote
                    ? [{ required: true, min: 2, message: t('requests.note.required') }]
                    : []
                }
              >
                <Input.TextArea rows={3} maxLength={4000} />
              </Form.Item>
            )}
        </Form>
      </Modal>
    </>
  );
}
