import { useState } from 'react';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Popconfirm, Tooltip, Typography } from 'antd';
import {
  CheckCircleOutlined,
  DeleteOutlined,
  DownloadOutlined,
  NotificationOutlined,
} from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  noticeListUrl,
  useDiscardRun,
  usePublishRun,
  useStartNotice,
  type EvaluationRunDetail,
} from '../../api/evaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../lib/format';
import { useErrorText } from '../../lib/errorText';

const DEFAULT_WORKING_DAYS = 7;

interface Props {
  run: EvaluationRunDetail;
  canRun: boolean;
  enterpriseUser: boolean;
  onCorrect: () => void;
}

/** The run's workflow buttons: draft → 公示 (notice) → 正式发布 (published); discard a draft; export. */
export function RunWorkflow({ run, canRun, enterpriseUser, onCorrect }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [workingDays, setWorkingDays] = useState(DEFAULT_WORKING_DAYS);
  const notice = useStartNotice(run.id);
  const publish = usePublishRun(run.id);
  const discard = useDiscardRun(run.id);

  const onError = (e: unknown) => void message.error(errorText(e));
  const pending = run.pendingObjections > 0;
  // Before the notice's last day, publishing ends the notice early: the server wants a reason.
  const [earlyReason, setEarlyReason] = useState('');
  const early = run.noticeEndsOn !== null && formatDate(new Date()) < run.noticeEndsOn;

  return (
    <Flex gap={8} wrap>
      {!enterpriseUser && (
        <Button icon={<DownloadOutlined />} href={noticeListUrl(run.id)} download data-testid="notice-export">
          {t('evaluation.workflow.export')}
        </Button>
      )}
      {canRun && run.status === 'draft' && (
        <>
          <Popconfirm
            title={t('evaluation.workflow.discardConfirm')}
            okText={t('evaluation.workflow.discard')}
            okButtonProps={{ danger: true, loading: discard.isPending }}
            onConfirm={() =>
              discard.mutateAsync().then(() => {
                void message.success(t('evaluation.workflow.discarded'));
                navigate('/evaluation');
              }, onError)
            }
          >
            <Button danger icon={<DeleteOutlined />} data-testid="run-discard">
              {t('evaluation.workflow.discard')}
            </Button>
          </Popconfirm>
          <Button
            type="primary"
            icon={<NotificationOutlined />}
            onClick={() => setNoticeOpen(true)}
            data-testid="run-start-notice"
          >
            {t('evaluation.workflow.notice')}
          </Button>
        </>
      )}
      {canRun && run.status === 'notice' && (
        <Tooltip
          title={
            pending ? t('evaluation.workflow.publishBlocked', { count: run.pendingObjections }) : undefined
          }
        >
          {/* A wrapper keeps the tooltip working on the disabled button. */}
          <span>
            <Popconfirm
              title={t('evaluation.workflow.publishConfirmTitle')}
              description={
                <div style={{ maxWidth: 320 }}>
                  {t('evaluation.workflow.publishConfirm')}
                  {early && (
                    <>
                      <Typography.Paragraph type="warning" style={{ margin: '8px 0 4px' }}>
                        {t('evaluation.workflow.earlyWarning', { date: run.noticeEndsOn })}
                      </Typography.Paragraph>
                      <Input.TextArea
                        rows={2}
                        maxLength={1000}
                        value={earlyReason}
                        onChange={(e) => setEarlyReason(e.target.value)}
                        placeholder={t('evaluation.workflow.earlyReason')}
                        data-testid="publish-early-reason"
                      />
                    </>
                  )}
                </div>
              }
              okText={t('evaluation.workflow.publish')}
              okButtonProps={{ loading: publish.isPending, disabled: early && !earlyReason.trim() }}
              disabled={pending}
              onConfirm={() =>
                publish
                  .mutateAsync(early ? earlyReason.trim() : undefined)
                  .then(() => void message.success(t('evaluation.workflow.published')), onError)
              }
            >
              <Button
                type="primary"
                icon={<CheckCircleOutlined />}
                disabled={pending}
                data-testid="run-publish"
              >
                {t('evaluation.workflow.publish')}
              </Button>
            </Popconfirm>
          </span>
        </Tooltip>
      )}
      {canRun && (run.status === 'published' || run.status === 'superseded') && (
        <Button onClick={onCorrect}>{t('evaluation.run.newVersion')}</Button>
      )}
      <Modal
        open={noticeOpen}
        title={t('evaluation.workflow.noticeTitle', { year: run.year })}
        okText={t('evaluation.workflow.noticeOk')}
        confirmLoading={notice.isPending}
        onCancel={() => {
          notice.reset();
          setNoticeOpen(false);
        }}
        onOk={() =>
          notice.mutateAsync(workingDays).then(
            () => {
              void message.success(t('evaluation.workflow.noticeStarted'));
              setNoticeOpen(false);
            },
            () => undefined,
          )
        }
      >
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('evaluation.workflow.noticeText')}
          </Typography.Paragraph>
          <Form.Item label={t('evaluation.workflow.workingDays')} style={{ margin: 0 }}>
            <InputNumber
              min={1}
              max={30}
              precision={0}
              value={workingDays}
              onChange={(v) => setWorkingDays(v ?? DEFAULT_WORKING_DAYS)}
              data-testid="notice-working-days"
              suffix={t('evaluation.workflow.days')}
            />
          </Form.Item>
          {notice.error && <ErrorAlert error={notice.error} />}
        </Flex>
      </Modal>
    </Flex>
  );
}
