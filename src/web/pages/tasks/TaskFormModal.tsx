import { Button, DatePicker, Flex, Form, Input, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlatformOptions } from '../../api/platforms';
import { useDepartments } from '../../api/requests';
import { useCreateTask, type TaskCreate } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Values {
  title: string;
  description?: string;
  planRef?: string;
  owner: string;
  dueMode: 'date' | 'days';
  dueOn?: Dayjs;
  dueWorkingDays?: number;
  milestones?: { title: string; dueOn: Dayjs }[];
}

/**
 * A new task: from a meeting decision (given) or a plan measure (its section), owned by a department
 * or a platform, due on a date or in N working days, with milestones.
 */
export function TaskFormModal({
  decision,
  onClose,
}: {
  decision: { id: number; text: string } | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const departments = useDepartments();
  const platforms = usePlatformOptions();
  const create = useCreateTask();
  const [dueMode, setDueMode] = useState<'date' | 'days'>('date');
  const en = i18n.language.startsWith('en');
  const submit = (v: Values) => {
    const [kind, id] = v.owner.split(':');
    const body: TaskCreate = {
      title: v.title,
      description: v.description ?? '',
      sourceKind: decision ? 'meeting' : 'plan',
      ...(decision ? { decisionId: decision.id } : { planRef: v.planRef }),
      ownerKind: kind as TaskCreate['ownerKind'],
      ownerId: Number(id),
      ...(v.dueMode === 'days'
        ? { dueWorkingDays: v.dueWorkingDays }
        : { dueOn: v.dueOn?.format('YYYY-MM-DD') }),
      milestones: (v.milestones ?? []).map((m) => ({ title: m.title, dueOn: m.dueOn.format('YYYY-MM-DD') })),
    };
    create.mutate(body, { onSuccess: onClose });
  };
  return (
    <Modal
      open
      title={decision ? t('tasks.fromDecision') : t('tasks.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={640}
    >
      {create.error ? <ErrorAlert error={create.error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ title: decision?.text.slice(0, 100) ?? '', dueMode: 'date' }}
      >
        {decision && <Form.Item label={t('meetings.decision')}>{decision.text}</Form.Item>}
        <Form.Item name="title" label={t('tasks.col.title')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        {!decision && (
          <Form.Item name="planRef" label={t('tasks.planRefLabel')} rules={[{ required: true, max: 40 }]}>
            <Input placeholder="3.3" />
          </Form.Item>
        )}
        <Form.Item name="owner" label={t('tasks.col.owner')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={[
              {
                label: t('tasks.ownerKind.department'),
                options: (departments.data ?? [])
                  .filter((d) => d.active)
                  .map((d) => ({ value: `department:${d.id}`, label: en ? d.nameEn || d.nameZh : d.nameZh })),
              },
              {
                label: t('tasks.ownerKind.platform'),
                options: (platforms.data ?? []).map((p) => ({ value: `platform:${p.id}`, label: p.name })),
              },
            ]}
          />
        </Form.Item>
        <Form.Item name="dueMode" label={t('tasks.col.due')}>
          <Radio.Group onChange={(e) => setDueMode(e.target.value)}>
            <Radio value="date">{t('tasks.dueMode.date')}</Radio>
            <Radio value="days">{t('tasks.dueMode.days')}</Radio>
          </Radio.Group>
        </Form.Item>
        {dueMode === 'date' ? (
          <Form.Item name="dueOn" rules={[{ required: true }]}>
            <DatePicker aria-label={t('tasks.col.due')} />
          </Form.Item>
        ) : (
          <Form.Item name="dueWorkingDays" rules={[{ required: true }]}>
            <InputNumber
              min={1}
              max={250}
              precision={0}
              addonAfter={t('tasks.days')}
              aria-label={t('tasks.dueMode.days')}
            />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('tasks.description')}>
          <Input.TextArea rows={2} maxLength={4000} />
        </Form.Item>
        <Form.List name="milestones">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, max: 100 }]}>
                    <Input placeholder={t('tasks.milestone')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'dueOn']} rules={[{ required: true }]}>
                    <DatePicker />
                  </Form.Item>
                  <MinusCircleOutlined
                    onClick={() => remove(f.name)}
                    aria-label={t('tasks.removeMilestone')}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()}>
                {t('tasks.addMilestone')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
