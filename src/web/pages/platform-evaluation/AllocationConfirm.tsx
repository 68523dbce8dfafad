import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirmAllocation, type PlatformEvaluation } from '../../api/platformEvaluation';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime, formatSetting } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { allocationTotals, formatUnits } from './peFormat';

/**
 * "确认分配方案" with a confirmation dialog; refused (the server too) while no pool is saved for the
 * year, and while another method is in view.
 */
export function ConfirmButton({
  data,
  disabledReason,
}: {
  data: PlatformEvaluation;
  disabledReason: 'unsaved' | 'method' | null;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const confirm = useConfirmAllocation(data.year);
  const totals = allocationTotals(data.platforms);
  const button = (
    <Button
      size="small"
      type="primary"
      icon={<CheckCircleOutlined />}
      disabled={disabledReason !== null || totals.eligible === 0}
      onClick={() => setOpen(true)}
      data-testid="pe-confirm"
    >
      {data.pool.confirmedAt ? t('platformEvaluation.confirm.again') : t('platformEvaluation.confirm.button')}
    </Button>
  );
  return (
    <>
      {disabledReason === 'unsaved' ? (
        <Tooltip title={t('platformEvaluation.confirm.notSaved')}>
          <Flex gap={8} align="center">
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="pe-confirm-unsaved">
              {t('platformEvaluation.confirm.notSavedShort')}
            </Typography.Text>
            {button}
          </Flex>
        </Tooltip>
      ) : disabledReason ? (
        <Tooltip title={t('platformEvaluation.confirm.otherMethod')}>{button}</Tooltip>
      ) : (
        button
      )}
      <Modal
        open={open}
        title={t('platformEvaluation.confirm.title', { year: data.year })}
        okText={t('platformEvaluation.confirm.ok')}
        onOk={async () => {
          try {
            await confirm.mutateAsync();
            void message.success(t('platformEvaluation.confirm.done', { year: data.year }));
            setOpen(false);
          } catch {
            // shown in the dialog
          }
        }}
        onCancel={() => {
          if (!confirm.isPending) setOpen(false);
        }}
        confirmLoading={confirm.isPending}
        okButtonProps={{ 'data-testid': 'pe-confirm-ok' }}
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {t('platformEvaluation.confirm.text', {
              year: data.year,
              land: formatUnits(data.pool.landMu),
              energy: formatUnits(data.pool.energyTce),
              eligible: totals.eligible,
              threshold: formatSetting(data.pool.threshold),
            })}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('platformEvaluation.confirm.keep')}</Typography.Text>
          {confirm.error && <ErrorAlert error={confirm.error} />}
        </Flex>
      </Modal>
    </>
  );
}

/** Who confirmed when; and whether today's computation still matches what was confirmed. */
export function ConfirmedBanner({ data }: { data: PlatformEvaluation }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pool = data.pool;
  const snapshot = pool.snapshot;
  const changed =
    snapshot !== null &&
    snapshot.platforms.some((s) => {
      const p = data.platforms.find((x) => x.platformId === s.platformId);
      return !p || p.land.units !== s.landMu || p.energy.units !== s.energyTce || p.score !== s.score;
    });
  const method = snapshot?.method;
  return (
    <Alert
      type={changed ? 'warning' : 'success'}
      showIcon
      data-testid="pe-confirmed"
      title={t('platformEvaluation.confirmed.title', { year: data.year })}
      description={
        <Flex vertical gap={2}>
          <span>
            {t('platformEvaluation.confirmed.by', {
              who: pool.confirmedByName ?? (pool.confirmedBy !== null ? `#${pool.confirmedBy}` : '—'),
              when: formatDateTime(pool.confirmedAt),
            })}
            {method &&
              t('platformEvaluation.confirmed.method', {
                name: lang === 'en' ? method.name.en || method.name.zh : method.name.zh,
                version: method.version,
              })}
          </span>
          {changed && <span>{t('platformEvaluation.confirmed.changed')}</span>}
        </Flex>
      }
    />
  );
}
