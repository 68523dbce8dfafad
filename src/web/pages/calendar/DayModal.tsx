import { App, Alert, Button, Form, Input, Modal, Radio, Space } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeleteCalendarDay, useSaveCalendarDay, type CalendarDay } from '../../api/calendar';
import { useDetailedErrorText } from './useDetailedErrorText';
import { isWeekend } from './calendarView';

interface Props {
  /** The date edited; null: closed. */
  date: string | null;
  entry: CalendarDay | undefined;
  onClose: () => void;
}

interface Values {
  kind: CalendarDay['kind'];
  name: string;
}

/** Adds, edits or deletes the holiday or make-up working day of one date (the task force). */
export function DayModal({ date, entry, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useDetailedErrorText();
  const [form] = Form.useForm<Values>();
  const save = useSaveCalendarDay();
  const remove = useDeleteCalendarDay();
  const weekend = date !== null && isWeekend(date);

  useEffect(() => {
    if (date)
      form.setFieldsValue({
        kind: entry?.kind ?? (weekend ? 'workday' : 'holiday'),
        name: entry?.name ?? '',
      });
  }, [date, entry, weekend, form]);

  const submit = async (values: Values) => {
    try {
      await save.mutateAsync({ date: date!, kind: values.kind, name: values.name });
      message.success(t('calendar.saved'));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const del = async () => {
    try {
      await remove.mutateAsync(date!);
      message.success(t('calendar.deleted'));
      onClose();
    } catch (error) {
      message.error(errorText(error));
    }
  };

  return (
    <Modal
      open={date !== null}
      title={entry ? t('calendar.editDay', { date }) : t('calendar.addDay', { date })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          {entry && (
            <Button danger onClick={() => void del()} loading={remove.isPending}>
              {t('calendar.deleteDay')}
            </Button>
          )}
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={() => form.submit()} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="kind" label={t('calendar.kindLabel')}>
          <Radio.Group>
            <Radio value="holiday">{t('calendar.kind.holiday')}</Radio>
            <Radio value="workday" disabled={!weekend}>
              {t('calendar.kind.workday')}
            </Radio>
          </Radio.Group>
        </Form.Item>
        {!weekend && (
          <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('calendar.workdayHint')} />
        )}
        <Form.Item
          name="name"
          label={t('calendar.nameLabel')}
          extra={t('calendar.nameHelp')}
          rules={[{ required: true, whitespace: true, message: t('calendar.nameRequired') }]}
        >
          <Input maxLength={40} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
