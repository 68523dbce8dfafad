import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { useResetMfa } from '../../api/users';
import { useErrorText } from '../../lib/errorText';

/** Removes a user's second factor after a confirmation (lost phone). */
export function ResetMfaButton({ id }: { id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const reset = useResetMfa();
  return (
    <Popconfirm
      title={t('mfa.resetConfirm')}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        reset.mutateAsync(id).then(
          () => void message.success(t('mfa.resetDone')),
          (e: unknown) => void message.error(errorText(e)),
        )
      }
    >
      <Button type="link" size="small" data-testid="reset-mfa">
        {t('mfa.reset')}
      </Button>
    </Popconfirm>
  );
}
