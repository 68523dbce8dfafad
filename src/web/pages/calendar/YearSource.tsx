import { Alert, App, Button, Card, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSaveCalendarYear, type CalendarYear } from '../../api/calendar';
import { formatDateTime, formatInteger } from '../../lib/format';
import { useDetailedErrorText } from './useDetailedErrorText';

/** The year's notice (or the warning that the year is not entered), and entering or editing it. */
export function YearSource({ data, canWrite }: { data: CalendarYear; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useDetailedErrorText();
  const save = useSaveCalendarYear();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ source: string }>();
  const holidays = data.days.filter((d) => d.kind === 'holiday').length;
  const workdays = data.days.length - holidays;

  const submit = async ({ source }: { source: string }) => {
    try {
      await save.mutateAsync({ year: data.year, source });
      message.success(t('calendar.saved'));
      setOpen(false);
    } catch (error) {
      message.error(errorText(error));
    }
  };

  const button = canWrite && (
    <Button
      type={data.entered ? 'default' : 'primary'}
      onClick={() => {
        form.setFieldsValue({ source: data.source ?? '' });
        setOpen(true);
      }}
    >
      {data.entered ? t('calendar.editSource') : t('calendar.enterYear', { year: data.year })}
    </Button>
  );

  return (
    <>
      {data.entered ? (
        <Card size="small">
          <Flex gap={16} wrap justify="space-between" align="center">
            <Flex vertical gap={2}>
              <Typography.Text>
                {t('calendar.source')}
                {/* The notice's official title, as the task force entered it (a document's name). */}
                <Typography.Text strong data-user-text>
                  {data.source}
                </Typography.Text>
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('calendar.counts', {
                  holidays: formatInteger(holidays),
                  workdays: formatInteger(workdays),
                })}
                {' · '}
                {t('calendar.updatedAt', { at: formatDateTime(data.updatedAt) })}
              </Typography.Text>
            </Flex>
            {button}
          </Flex>
        </Card>
      ) : (
        <Alert
          type="warning"
          showIcon
          title={t('calendar.notEntered', { year: data.year })}
          description={canWrite ? t('calendar.notEnteredHelp') : undefined}
          action={button}
        />
      )}
      <Modal
        open={open}
        title={data.entered ? t('calendar.editSource') : t('calendar.enterYear', { year: data.year })}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="source"
            label={t('calendar.sourceLabel')}
            extra={t('calendar.sourceHelp', { year: data.year })}
            rules={[{ required: true, whitespace: true, message: t('calendar.sourceRequired') }]}
          >
            <Input.TextArea autoSize maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
