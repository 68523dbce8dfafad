import type { ReactNode } from 'react';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../lib/errorText';

interface ConflictProps {
  title: string;
  description: string;
  reloadLabel: string;
  onReload: () => void;
  reloading?: boolean;
  testId?: string;
}

/** Someone else saved first: say so and offer the latest version (own edits stay until then). */
export function ConflictAlert({
  title,
  description,
  reloadLabel,
  onReload,
  reloading,
  testId,
}: ConflictProps) {
  return (
    <Alert
      type="warning"
      showIcon
      data-testid={testId}
      title={title}
      description={description}
      action={
        <Button icon={<ReloadOutlined />} loading={reloading} onClick={onReload}>
          {reloadLabel}
        </Button>
      }
    />
  );
}

/** The form-level error (what matched no field), if any. */
export function FormErrorAlert({ error }: { error: unknown }) {
  const errorText = useErrorText();
  if (error === null) return null;
  return <Alert type="error" showIcon title={errorText(error)} />;
}

interface ButtonsProps {
  isEdit: boolean;
  saving: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  /** Submitting not possible yet (options still loading, an unresolved conflict …). */
  submitDisabled?: boolean;
  /** Drawers put cancel first and both on the right; pages put save first. */
  cancelFirst?: boolean;
  submitTestId?: string;
}

/** Save (or create) and cancel. */
export function FormButtons(props: ButtonsProps) {
  const { isEdit, saving, onSubmit, onCancel, submitDisabled, cancelFirst, submitTestId } = props;
  const { t } = useTranslation();
  const submit = (
    <Button
      type="primary"
      loading={saving}
      disabled={submitDisabled}
      onClick={onSubmit}
      data-testid={submitTestId}
    >
      {isEdit ? t('common.save') : t('common.create')}
    </Button>
  );
  const cancel = (
    <Button onClick={onCancel} disabled={saving}>
      {t('common.cancel')}
    </Button>
  );
  return (
    <Flex gap={8}>
      {cancelFirst ? cancel : submit}
      {cancelFirst ? submit : cancel}
    </Flex>
  );
}

interface PageProps {
  title: string;
  onBack: () => void;
  conflict?: ReactNode;
  error: unknown;
  /** The form itself. */
  children: ReactNode;
  buttons: ReactNode;
}

/** An edit page: back arrow and title, the conflict and error notices, the form card with its buttons. */
export function EditFormPage({ title, onBack, conflict, error, children, buttons }: PageProps) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8}>
        <Button type="text" icon={<ArrowLeftOutlined />} aria-label={t('common.back')} onClick={onBack} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      </Flex>
      {conflict}
      <FormErrorAlert error={error} />
      <Card style={{ maxWidth: 960 }}>
        {children}
        {buttons}
      </Card>
    </Flex>
  );
}
