import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useStageChange } from '../../api/projects';
import { ErrorAlert } from '../../components/ErrorAlert';
import { STAGES, type ChangeTarget, type Stage } from '../../../modules/projects/core/codes';
import { beijingToday } from './projectFormat';

interface SubmitValues {
  stage: ChangeTarget;
  stageDate: Dayjs;
  note?: string;
}

interface SubmitProps {
  project: { id: number; stage: Stage; stageDate: string };
  /** The caller's change counts at once (task force) or waits for approval (platform admin). */
  approvesOwn: boolean;
  onClose: () => void;
}

/** Submit a stage change: a later stage (skipping allowed) or an end, its date, a note. */
export function StageChangeModal({ project, approvesOwn, onClose }: SubmitProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<SubmitValues>();
  const { submit } = useStageChange(project.id);
  const target = Form.useWatch('stage', form);
  const ending = target === 'dropped' || target === 'lost';
  const later = STAGES.slice(STAGES.indexOf(project.stage) + 1);
  const options = [
    ...later.map((s) => ({ value: s, label: t(`projects.stage.${s}`) })),
    { value: 'dropped', label: t('projects.stage.dropped') },
    { value: 'lost', label: t('projects.stage.lost') },
  ];
  const today = beijingToday();
  const onOk = async () => {
    const v = await form.validateFields();
    const detail = await submit.mutateAsync({
      stage: v.stage,
      stageDate: v.stageDate.format('YYYY-MM-DD'),
      note: v.note?.trim() || undefined,
    });
    void message.success(
      t(
        detail.changes[0]?.status === 'approved'
          ? 'projects.change.doneApproved'
          : 'projects.change.donePending',
      ),
    );
    onClose();
  };
  return (
    <Modal
      open
      title={t('projects.change.submit')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={submit.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t(approvesOwn ? 'projects.change.countsAtOnce' : 'projects.change.needsApproval')}
      </Typography.Paragraph>
      {submit.error ? <ErrorAlert error={submit.error} /> : null}
      <Form form={form} layout="vertical" initialValues={{ stageDate: dayjs(today) }}>
        <Form.Item
          name="stage"
          label={t('projects.change.stage')}
          rules={[{ required: true, message: t('projects.change.stageRequired') }]}
        >
          <Select options={options} data-testid="change-stage" />
        </Form.Item>
        <Form.Item
          name="stageDate"
          label={t('projects.change.date')}
          rules={[{ required: true, message: t('projects.change.dateRequired') }]}
          extra={t('projects.change.dateRule', { from: project.stageDate })}
        >
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => d.format('YYYY-MM-DD') > today || d.format('YYYY-MM-DD') < project.stageDate}
            data-testid="change-date"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={ending ? t('projects.change.endReason') : t('projects.change.note')}
          rules={
            ending
              ? [{ required: true, whitespace: true, message: t('projects.change.endReasonRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="change-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface DecideProps {
  projectId: number;
  changeId: number;
  approve: boolean;
  onClose: () => void;
}

/** Approve (an optional note) or reject (a reason required) a pending stage change. */
export function DecisionModal({ projectId, changeId, approve, onClose }: DecideProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason?: string }>();
  const { decide } = useStageChange(projectId);
  const onOk = async () => {
    const v = await form.validateFields();
    await decide.mutateAsync({
      project: projectId,
      changeId,
      approve,
      body: { reason: v.reason?.trim() || undefined },
    });
    void message.success(t(approve ? 'projects.decide.approved' : 'projects.decide.rejected'));
    onClose();
  };
  return (
    <Modal
      open
      title={t(approve ? 'projects.decide.approve' : 'projects.decide.reject')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: !approve }}
      onOk={() => void onOk().catch(() => undefined)}
      onCancel={onClose}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      {decide.error ? <ErrorAlert error={decide.error} /> : null}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t(approve ? 'projects.decide.note' : 'projects.decide.reason')}
          rules={
            approve
              ? []
              : [{ required: true, whitespace: true, message: t('projects.decide.reasonRequired') }]
          }
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="decision-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
