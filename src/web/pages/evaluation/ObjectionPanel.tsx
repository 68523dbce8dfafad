import { Alert, App, Button, Card, Flex, Form, Input, Modal, Tooltip, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { useFileObjection, useObjections, type Scorecard } from '../../api/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { applyServerErrors } from '../../lib/applyServerErrors';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { useNarrow } from '../../lib/useNarrow';
import { ObjectionCards } from './ObjectionCards';
import { ObjectionsTable } from './ObjectionsTab';

const MIN_REASON = 5;

/** Whether the viewer is the enterprise and may object now, and its objections to this result. */
function useOwnObjections(card: Scorecard) {
  const { data: me } = useMe();
  const own = hasPermission(me, 'evaluation:object') && me?.enterpriseId === card.enterpriseId;
  const { data, isPending, error } = useObjections(card.run.id);
  const mine = (data ?? []).filter((o) => o.enterpriseId === card.enterpriseId);
  return {
    own,
    mine,
    isPending,
    error,
    pending: mine.some((o) => o.status === 'pending'),
    canFile: own && card.run.status === 'notice',
  };
}

/** The 提出异议 button; disabled (with the reason) while an objection waits for its answer. */
function FileButton({ pending, onClick, testId }: { pending: boolean; onClick: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={pending ? t('evaluation.objections.alreadyPending') : undefined}>
      <Button
        type="primary"
        icon={<ExclamationCircleOutlined />}
        disabled={pending}
        onClick={onClick}
        data-testid={testId}
      >
        {t('evaluation.objections.file')}
      </Button>
    </Tooltip>
  );
}

/** The notice banner of a scorecard on public notice (公示); its own enterprise may object from it. */
export function NoticeBanner({ card, onFile }: { card: Scorecard; onFile: () => void }) {
  const { t } = useTranslation();
  const { canFile, pending } = useOwnObjections(card);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="scorecard-notice-banner"
      title={t('evaluation.scorecard.noticeNote', { date: formatDate(card.run.noticeEndsOn) })}
      action={
        canFile ? <FileButton pending={pending} onClick={onFile} testId="banner-objection-open" /> : undefined
      }
      styles={{ root: { flexWrap: 'wrap', rowGap: 8 } }}
    />
  );
}

interface PanelProps {
  card: Scorecard;
  /** The objection form is open (also opened from the notice banner). */
  filing: boolean;
  onFiling: (open: boolean) => void;
}

/**
 * The enterprise's objections to this result. Its own user may object during the notice (公示);
 * others see what was filed (decisions are made on the run's 异议 tab). On a phone the objections
 * are cards, the reason and the reply in full.
 */
export function ObjectionPanel({ card, filing: open, onFiling: setOpen }: PanelProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const narrow = useNarrow();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const file = useFileObjection(card.run.id);
  const { own, mine, pending, canFile, isPending, error } = useOwnObjections(card);

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
          <FileButton pending={pending} onClick={() => setOpen(true)} testId="objection-open" />
        ) : undefined
      }
    >
      <Flex vertical gap={8}>
        {own && (
          <Typography.Text type="secondary" style={{ fontSize: 14 }}>
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
        ) : narrow ? (
          <ObjectionCards objections={mine} loading={isPending} />
        ) : (
          <ObjectionsTable runId={card.run.id} objections={mine} loading={isPending} compact />
        )}
      </Flex>
      <Modal
        open={open && canFile && !pending}
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
