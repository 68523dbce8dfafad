import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Modal, Tooltip, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { useFileObjection, useObjections, type Scorecard } from '../../api/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors } from '../../lib/applyServerErrors';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { ObjectionsTable } from './ObjectionsTab';

const MIN_REASON = 5;

/**
 * The enterprise's objections to this result. Its own user may object during the notice (公示);
 * others see what was filed (decisions are made on the run's 异议 tab).
 */
export function ObjectionPanel({ card }: { card: Scorecard }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const file = useFileObjection(card.run.id);
  const own = hasPermission(me, 'evaluation:object') && me?.enterpriseId === card.enterpriseId;
  const { data, isPending, error } = useObjections(card.run.id);
  const mine = (data ?? []).filter((o) => o.enterpriseId === card.enterpriseId);
  const pending = mine.some((o) => o.status === 'pending');
  const canFile = own && card.run.status === 'notice';

  if (!own && mine.length === 0) return null;

  const close = () => {
    file.reset();
    setOpen(false);
  };
  const submit = async ({ reason }: { reason: string }) => {
    try {
      await file.mutateAsync(reason.trim());
      void message.success(t('evaluation.objections.filed'));
      close();
    } catch (e) {
      applyServerErrors(form, e, lang, ['reason']);
    }
  };

  return (
    <Card
      size="small"
      title={t('evaluation.objections.panelTitle')}
      className="yy-no-print"
      extra={
        canFile ? (
          <Tooltip title={pending ? t('evaluation.objections.alreadyPending') : undefined}>
            <Button
              type="primary"
              icon={<ExclamationCircleOutlined />}
              disabled={pending}
              onClick={() => setOpen(true)}
              data-testid="objection-open"
            >
              {t('evaluation.objections.file')}
            </Button>
          </Tooltip>
        ) : undefined
      }
    >
      <Flex vertical gap={8}>
        {own && (
          <Typography.Text type="secondary">
            {card.run.status === 'notice'
              ? t('evaluation.objections.noticeOpen', { date: formatDate(card.run.noticeEndsOn) })
              : card.run.noticeEndedOn
                ? t('evaluation.objections.noticeEndedEarly', {
                    planned: formatDate(card.run.noticeEndsOn),
                    ended: formatDate(card.run.noticeEndedOn),
                    reason: card.run.earlyEndReason,
                  })
                : t('evaluation.objections.noticeClosed')}
          </Typography.Text>
        )}
        {error ? (
          <ErrorAlert error={error} />
        ) : (
          <ObjectionsTable runId={card.run.id} objections={mine} loading={isPending} compact />
        )}
      </Flex>
      <Modal
        open={open}
        title={t('evaluation.objections.fileTitle', { year: card.run.year })}
        okText={t('evaluation.objections.submit')}
        confirmLoading={file.isPending}
        onOk={() => form.submit()}
        onCancel={close}
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('evaluation.objections.fileText')}
          </Typography.Paragraph>
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
            <Form.Item
              name="reason"
              label={t('evaluation.objections.reason')}
              rules={[
                { required: true, whitespace: true, message: t('evaluation.objections.reasonRequired') },
                { min: MIN_REASON, message: t('evaluation.objections.reasonShort', { min: MIN_REASON }) },
              ]}
            >
              <Input.TextArea rows={4} maxLength={2000} showCount data-testid="objection-reason" />
            </Form.Item>
          </Form>
          {file.error && <ErrorAlert error={file.error} />}
        </Flex>
      </Modal>
    </Card>
  );
}
