import { Alert, App, Descriptions, Flex, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDecideChainLeader, type ChainLeaderRow } from '../../api/chainLeaders';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLang } from '../../lib/useLang';
import {
  normaliseReason,
  REASON_MAX_LENGTH,
  REASON_MIN_LENGTH,
  todayInChina,
} from '../../../modules/chain-leaders/core/rules';
import { confirmationDates, decisionOfAction, formatYi, type RowAction } from './chainLeadersFormat';

export interface PendingDecision {
  row: ChainLeaderRow;
  year: number;
  action: RowAction;
}

interface Props {
  value: PendingDecision | null;
  industryName: (code: string | null) => string;
  onClose: () => void;
}

/** Confirm, decline or revoke one enterprise for a year: a reason is required. */
export function DecisionModal({ value, industryName, onClose }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecideChainLeader();
  const close = () => {
    decide.reset();
    onClose();
  };

  const submit = async ({ reason }: { reason: string }) => {
    if (!value) return;
    try {
      await decide.mutateAsync({
        enterpriseId: value.row.enterpriseId,
        year: value.year,
        decision: decisionOfAction(value.action),
        reason: reason.trim(),
      });
      void message.success(t(`chainLeaders.modal.done.${value.action}`, { name: value.row.name }));
      close();
    } catch {
      // shown below the form
    }
  };

  const action = value?.action;
  // A confirmation for a year that is over: the label is dated at the year's end, the decision today.
  const dates = value && action === 'confirm' ? confirmationDates(value.year, todayInChina()) : null;
  const note = value
    ? dates
      ? t(dates.pastYear ? 'chainLeaders.modal.confirmPastNote' : 'chainLeaders.modal.confirmNote', {
          year: value.year,
          date: dates.grantedOn,
          today: dates.decidedOn,
        })
      : action === 'revoke'
        ? t('chainLeaders.modal.revokeNote')
        : t('chainLeaders.modal.declineNote', { year: value.year })
    : '';
  return (
    <Modal
      open={value !== null}
      title={value ? t(`chainLeaders.modal.title.${value.action}`, { name: value.row.name }) : ''}
      okText={value ? t(`chainLeaders.actions.${value.action}`) : undefined}
      okButtonProps={{ danger: action !== 'confirm' }}
      confirmLoading={decide.isPending}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
    >
      {value && (
        <Flex vertical gap={12}>
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'name', label: t('chainLeaders.table.name'), children: value.row.name },
              {
                key: 'platform',
                label: t('chainLeaders.table.platform'),
                children:
                  lang === 'en' ? value.row.platformNameEn || value.row.platformName : value.row.platformName,
              },
              {
                key: 'industry',
                label: t('chainLeaders.table.industry'),
                children: industryName(value.row.keyIndustry),
              },
              {
                key: 'output',
                label: t('chainLeaders.modal.output', { year: value.year }),
                children: `${formatYi(value.row.output)} ${t('chainLeaders.units.yi')}`,
              },
              ...(dates
                ? [
                    {
                      key: 'appliesTo',
                      label: t('chainLeaders.modal.appliesTo'),
                      children: t('chainLeaders.yearLabel', { year: value.year }),
                    },
                    {
                      key: 'dates',
                      label: t('chainLeaders.modal.dates'),
                      children: t('chainLeaders.modal.datesValue', {
                        date: dates.grantedOn,
                        today: dates.decidedOn,
                      }),
                    },
                  ]
                : []),
            ]}
          />
          <Alert
            type={action === 'confirm' && !dates?.pastYear ? 'info' : 'warning'}
            showIcon
            title={note}
            data-testid="chain-decision-note"
          />
          <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} preserve={false}>
            <Form.Item
              name="reason"
              label={t('chainLeaders.modal.reason')}
              extra={t('chainLeaders.modal.reasonHint')}
              rules={[
                {
                  validator: (_, v: string | undefined) =>
                    normaliseReason(v) === null
                      ? Promise.reject(
                          new Error(t('chainLeaders.modal.reasonRequired', { min: REASON_MIN_LENGTH })),
                        )
                      : Promise.resolve(),
                },
              ]}
            >
              <Input.TextArea
                rows={4}
                maxLength={REASON_MAX_LENGTH}
                showCount
                placeholder={t(`chainLeaders.modal.placeholder.${value.action}`)}
                data-testid="chain-decision-reason"
              />
            </Form.Item>
          </Form>
          {decide.error && <ErrorAlert error={decide.error} />}
        </Flex>
      )}
    </Modal>
  );
}
