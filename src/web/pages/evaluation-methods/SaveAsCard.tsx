import { Card, Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { METHOD_KEY_PATTERN } from './draft';

interface Props {
  /** Saving a new version of an existing key (no key to choose). */
  isNewVersion: boolean;
  saveAs: string;
  saveVersion: number;
  methodKey: string;
  keyErrors: string[] | undefined;
  onKeyChange: (key: string) => void;
  note: string;
  onNoteChange: (note: string) => void;
}

/** Where the edited method is saved: its key (a new method) and the version note. */
export function SaveAsCard(props: Props) {
  const { isNewVersion, saveAs, saveVersion, methodKey, keyErrors, onKeyChange, note, onNoteChange } = props;
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={
        isNewVersion
          ? t('methods.editor.newVersionOf', { key: saveAs, version: saveVersion })
          : t('methods.editor.saveTitle')
      }
    >
      <Row gutter={16}>
        {!isNewVersion && (
          <Col xs={24} md={10}>
            <div data-pointer="/key">
              <Form layout="vertical" component="div">
                <Form.Item
                  label={t('methods.field.methodKey')}
                  required
                  validateStatus={keyErrors ? 'error' : undefined}
                  help={keyErrors?.join('；')}
                  extra={
                    methodKey && METHOD_KEY_PATTERN.test(methodKey)
                      ? saveVersion === 1
                        ? t('methods.editor.keyNew')
                        : t('methods.editor.keyExists', { key: methodKey, version: saveVersion })
                      : t('methods.editor.keyHint')
                  }
                >
                  <Input
                    value={methodKey}
                    maxLength={64}
                    onChange={(e) => onKeyChange(e.target.value.trim())}
                    data-testid="method-key"
                  />
                </Form.Item>
              </Form>
            </div>
          </Col>
        )}
        <Col xs={24} md={isNewVersion ? 24 : 14}>
          <Form layout="vertical" component="div">
            <Form.Item label={t('methods.field.note')} extra={t('methods.editor.noteHint')}>
              <Input
                value={note}
                maxLength={500}
                onChange={(e) => onNoteChange(e.target.value)}
                placeholder={t('methods.editor.notePlaceholder')}
                data-testid="method-note"
              />
            </Form.Item>
          </Form>
        </Col>
      </Row>
    </Card>
  );
}
