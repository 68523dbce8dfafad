import { useState } from 'react';
import { Alert, Button, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Method } from '../../../modules/evaluation/core/method';
import { downloadUrl } from '../../api/client';
import { exportText } from './methodFile';

/**
 * Advanced: the method as JSON. Read-only when viewing; when editing, the text may be changed and
 * applied (the structured editor then shows it, with its problems).
 */
export function JsonPanel({
  method,
  readOnly,
  onApply,
}: {
  method: Method;
  readOnly: boolean;
  onApply: (value: Method) => void;
}) {
  const { t } = useTranslation();
  const initial = exportText(method);
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const changed = text !== initial;

  const apply = () => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      setError(t('methods.json.notObject'));
      return;
    }
    setError(null);
    onApply(value as Method);
  };

  return (
    <Flex vertical gap={8}>
      <Typography.Text type="secondary">
        {readOnly ? t('methods.json.readOnlyHint') : t('methods.json.hint')}{' '}
        <Typography.Link href={downloadUrl('/evaluation/method-schema')} target="_blank">
          {t('methods.json.schema')}
        </Typography.Link>
      </Typography.Text>
      {error && <Alert type="error" showIcon title={t('methods.json.parseError', { error })} />}
      <Input.TextArea
        value={text}
        readOnly={readOnly}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 16, maxRows: 40 }}
        spellCheck={false}
        style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12 }}
        data-testid="method-json"
      />
      {!readOnly && (
        <Flex gap={8}>
          <Button type="primary" disabled={!changed} onClick={apply}>
            {t('methods.json.apply')}
          </Button>
          <Button
            disabled={!changed}
            onClick={() => {
              setText(initial);
              setError(null);
            }}
          >
            {t('methods.json.revert')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}
