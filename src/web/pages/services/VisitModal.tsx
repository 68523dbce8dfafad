import { useEffect } from 'react';
import { Button, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  PROBLEM_CATEGORIES,
  useSaveVisit,
  VISIT_STATUSES,
  VISITOR_KINDS,
  type ProblemCategory,
  type Visit,
  type VisitorKind,
  type VisitStatus,
} from '../../api/visits';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';
import { EnterprisePicker } from './EnterprisePicker';

interface Values {
  enterpriseId?: number;
  status: VisitStatus;
  plannedOn: Dayjs;
  doneOn?: Dayjs | null;
  visitorKind: VisitorKind;
  participants?: string;
  notes?: string;
  problems?: { text: string; category: ProblemCategory }[];
}

interface Props {
  /** null: closed; 'new': a new visit (to `enterpriseId` when given); a visit: edit it. */
  value: Visit | 'new' | null;
  enterpriseId?: number;
  /** A commissioner records its own visits only. */
  commissionerOnly: boolean;
  onClose: () => void;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/** Plan or record a visit, mark it done, list the problems found. */
export function VisitModal({ value, enterpriseId, commissionerOnly, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const status = Form.useWatch('status', form);
  const save = useSaveVisit();
  const editing = value !== null && value !== 'new' ? value : null;
  useEffect(() => {
    if (value === null) return;
    form.setFieldsValue(
      editing
        ? {
            status: editing.status,
            plannedOn: dayjs(editing.plannedOn),
            doneOn: editing.doneOn ? dayjs(editing.doneOn) : null,
            visitorKind: editing.visitorKind,
            participants: editing.participants,
            notes: editing.notes,
            problems: editing.problems.map((p) => ({ text: p.text, category: p.category })),
          }
        : {
            enterpriseId,
            status: 'planned',
            plannedOn: dayjs(formatDate(new Date())),
            visitorKind: 'commissioner',
            problems: [],
          },
    );
  }, [value, editing, enterpriseId, form]);
  const close = () => {
    save.reset();
    form.resetFields();
    onClose();
  };
  const submit = async (v: Values) => {
    const fields = {
      status: v.status,
      plannedOn: day(v.plannedOn)!,
      doneOn: v.status === 'done' ? day(v.doneOn) : null,
      visitorKind: v.visitorKind,
      participants: v.participants ?? '',
      notes: v.notes ?? '',
      problems: v.problems ?? [],
    };
    try {
      if (editing) await save.mutateAsync({ id: editing.id, body: { ...fields, version: editing.version } });
      else await save.mutateAsync({ id: null, body: { ...fields, enterpriseId: v.enterpriseId! } });
      close();
    } catch {
      // shown below
    }
  };
  return (
    <Modal
      open={value !== null}
      title={editing ? t('visits.edit', { name: editing.enterpriseName }) : t('visits.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={close}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      width={640}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit}>
        {!editing && (
          <Form.Item name="enterpriseId" label={t('visits.fields.enterpriseId')} rules={[{ required: true }]}>
            <EnterprisePicker ariaLabel={t('visits.fields.enterpriseId')} />
          </Form.Item>
        )}
        <Flex gap={12} wrap>
          <Form.Item name="status" label={t('visits.fields.status')} rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              options={VISIT_STATUSES.map((s) => ({ value: s, label: t(`visits.status.${s}`) }))}
            />
          </Form.Item>
          <Form.Item name="plannedOn" label={t('visits.fields.plannedOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          {status === 'done' && (
            <Form.Item name="doneOn" label={t('visits.fields.doneOn')} rules={[{ required: true }]}>
              <DatePicker />
            </Form.Item>
          )}
          <Form.Item name="visitorKind" label={t('visits.fields.visitorKind')} rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              disabled={commissionerOnly}
              options={VISITOR_KINDS.map((k) => ({ value: k, label: t(`visits.visitor.${k}`) }))}
            />
          </Form.Item>
        </Flex>
        <Form.Item name="participants" label={t('visits.fields.participants')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="notes" label={t('visits.fields.notes')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.List name="problems">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="start">
                  <Form.Item
                    name={[f.name, 'category']}
                    rules={[{ required: true }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Select
                      style={{ width: 130 }}
                      aria-label={t('visits.fields.category')}
                      options={PROBLEM_CATEGORIES.map((c) => ({
                        value: c,
                        label: t(`visits.category.${c}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'text']}
                    rules={[{ required: true }]}
                    style={{ flex: 1, marginBottom: 8 }}
                  >
                    <Input maxLength={1000} aria-label={t('visits.fields.problem')} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    aria-label={t('visits.removeProblem')}
                    onClick={() => remove(f.name)}
                  />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ category: 'other', text: '' })}>
                {t('visits.addProblem')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
      {save.error && <ErrorAlert error={save.error} />}
    </Modal>
  );
}
