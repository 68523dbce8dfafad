import { Button, DatePicker, Flex, Form, Input, Modal, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { usePlatformOptions } from '../../api/platforms';
import { useDepartments } from '../../api/requests';
import { useSaveMeeting, type Meeting } from '../../api/tasks';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Values {
  title: string;
  heldOn: Dayjs;
  host?: string;
  place?: string;
  departmentIds?: number[];
  platformIds?: number[];
  others?: string[];
  summary?: string;
  decisions?: { text: string }[];
}

/** Record or edit a topic meeting: who, when, where, the summary and the decisions. */
export function MeetingFormModal({ meeting, onClose }: { meeting: Meeting | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const departments = useDepartments();
  const platforms = usePlatformOptions();
  const save = useSaveMeeting();
  const en = i18n.language.startsWith('en');
  const submit = (v: Values) =>
    save.mutate(
      {
        id: meeting?.id ?? null,
        body: {
          title: v.title,
          heldOn: v.heldOn.format('YYYY-MM-DD'),
          host: v.host ?? '',
          place: v.place ?? '',
          attendees: {
            departmentIds: v.departmentIds ?? [],
            platformIds: v.platformIds ?? [],
            others: v.others ?? [],
          },
          summary: v.summary ?? '',
          decisions: (v.decisions ?? []).map((d) => d.text).filter(Boolean),
          ...(meeting ? { version: meeting.version } : {}),
        },
      },
      { onSuccess: onClose },
    );
  return (
    <Modal
      open
      title={meeting ? t('meetings.edit') : t('meetings.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      width={680}
    >
      {save.error ? <ErrorAlert error={save.error} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          meeting
            ? {
                ...meeting,
                heldOn: dayjs(meeting.heldOn),
                departmentIds: meeting.attendees.departmentIds,
                platformIds: meeting.attendees.platformIds,
                others: meeting.attendees.others,
                decisions: meeting.decisions.map((d) => ({ text: d.text })),
              }
            : { heldOn: dayjs(), decisions: [{ text: '' }] }
        }
      >
        <Form.Item name="title" label={t('meetings.title')} rules={[{ required: true, max: 100 }]}>
          <Input />
        </Form.Item>
        <Space wrap>
          <Form.Item name="heldOn" label={t('meetings.heldOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="host" label={t('meetings.host')} rules={[{ max: 60 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="place" label={t('meetings.place')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Space>
        <Form.Item name="departmentIds" label={t('meetings.departments')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(departments.data ?? []).map((d) => ({
              value: d.id,
              label: en ? d.nameEn || d.nameZh : d.nameZh,
            }))}
          />
        </Form.Item>
        <Form.Item name="platformIds" label={t('meetings.platforms')}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={(platforms.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
          />
        </Form.Item>
        <Form.Item name="others" label={t('meetings.others')}>
          <Select mode="tags" open={false} placeholder={t('meetings.othersHint')} />
        </Form.Item>
        <Form.Item name="summary" label={t('meetings.summary')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {fields.map((f, i) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <span>{i + 1}.</span>
                  <Form.Item
                    name={[f.name, 'text']}
                    rules={[{ required: true, max: 1000 }]}
                    style={{ flex: 1, marginBottom: 8 }}
                  >
                    <Input.TextArea
                      rows={1}
                      autoSize
                      placeholder={t('meetings.decision')}
                      aria-label={`${t('meetings.decision')} ${i + 1}`}
                    />
                  </Form.Item>
                  <MinusCircleOutlined
                    onClick={() => remove(f.name)}
                    aria-label={t('meetings.removeDecision')}
                  />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '' })}>
                {t('meetings.addDecision')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
