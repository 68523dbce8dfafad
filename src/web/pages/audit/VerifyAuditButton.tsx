import { SafetyCertificateOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useVerifyAudit } from '../../api/audit';
import { formatDateTime } from '../../lib/format';

/** Verifies the trail's SM3 hash chain and says whether it is intact or where it breaks. */
export function VerifyAuditButton() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const verify = useVerifyAudit();
  const run = () =>
    verify.mutate(undefined, {
      onSuccess: (report) => {
        if (report.ok) {
          modal.success({
            title: t('audit.verify'),
            content:
              t('audit.verifyOk', { checked: report.checked }) +
              (report.legacy ? t('audit.verifyLegacy', { legacy: report.legacy }) : ''),
          });
        } else if (report.broken) {
          modal.error({
            title: t('audit.verify'),
            content: t('audit.verifyBroken', {
              id: report.broken.id,
              at: formatDateTime(report.broken.at),
              reason: t(`audit.reasons.${report.broken.reason}`),
            }),
          });
        }
      },
      onError: (error) => modal.error({ title: t('audit.verify'), content: error.message }),
    });
  return (
    <Button
      icon={<SafetyCertificateOutlined />}
      loading={verify.isPending}
      onClick={run}
      data-testid="audit-verify"
    >
      {t('audit.verify')}
    </Button>
  );
}
