import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Radio, Row, Select, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { RATING_EXEMPTIONS } from '../../../modules/enterprises/core/codes';
import { ClassesCard } from './ClassesCard';
import { Field, NumberField, TextField, useEditor } from './editorContext';

/** Name, description, source, score precision, tenants, classes and "unrated" of a method. */
export function GeneralSection() {
  const { t } = useTranslation();
  const { method, set } = useEditor();
  const enterprises = (method.subject ?? 'enterprise') === 'enterprise';
  return (
    <Flex vertical gap={16}>
      <Card size="small" title={t('methods.general.basics')}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <TextField
              path={['name', 'zh']}
              label={t('methods.field.nameZh')}
              required
              maxLength={200}
              testId="method-name-zh"
            />
          </Col>
          <Col xs={24} md={12}>
            <TextField path={['name', 'en']} label={t('methods.field.nameEn')} maxLength={200} />
          </Col>
          <Col xs={24}>
            <TextField
              path={['description']}
              label={t('methods.field.descriptionZh')}
              optional
              textArea
              maxLength={4000}
              lang="zh-CN"
            />
          </Col>
          <Col xs={24}>
            <TextField
              path={['descriptionEn']}
              label={t('methods.field.descriptionEn')}
              optional
              textArea
              maxLength={4000}
              lang="en"
            />
          </Col>
          <Col xs={24} md={12}>
            <TextField
              path={['source']}
              label={t('methods.field.sourceZh')}
              extra={t('methods.general.sourceHint')}
              optional
              maxLength={500}
              lang="zh-CN"
            />
          </Col>
          <Col xs={24} md={12}>
            <TextField
              path={['sourceEn']}
              label={t('methods.field.sourceEn')}
              optional
              maxLength={500}
              lang="en"
            />
          </Col>
          <Col xs={24} md={8}>
            <NumberField
              path={['scorePrecision']}
              label={t('methods.field.scorePrecision')}
              extra={t('methods.general.scorePrecisionHint')}
              min={0}
              max={6}
              precision={0}
            />
          </Col>
          {/* Tenants on one parcel: a question about enterprises, not platforms. */}
          {enterprises && (
            <Col xs={24} md={16}>
              <Field
                path={['tenants']}
                label={t('methods.field.tenants')}
                extra={t('methods.general.tenantsHint')}
              >
                <Radio.Group
                  value={method.tenants}
                  onChange={(e) => set(['tenants'], e.target.value)}
                  options={[
                    { value: 'separate', label: t('methods.tenants.separate') },
                    { value: 'merge_with_landholder', label: t('methods.tenants.merge_with_landholder') },
                  ]}
                />
              </Field>
            </Col>
          )}
        </Row>
      </Card>
      <ClassesCard />
      {enterprises && (
        <Card size="small" title={t('methods.general.unrated')}>
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Field
                path={['unrated', 'exemptions']}
                label={t('methods.field.exemptions')}
                extra={t('methods.general.exemptionsHint')}
              >
                <Checkbox.Group
                  value={method.unrated.exemptions}
                  onChange={(v) =>
                    set(
                      ['unrated', 'exemptions'],
                      RATING_EXEMPTIONS.filter((e) => v.includes(e)),
                    )
                  }
                  options={RATING_EXEMPTIONS.map((e) => ({ value: e, label: t(`methods.exemption.${e}`) }))}
                />
              </Field>
            </Col>
            <Col xs={24} md={8}>
              <Field path={['unrated', 'treatAs']} label={t('methods.field.treatAs')}>
                <ClassSelect
                  value={method.unrated.treatAs}
                  onChange={(v) => set(['unrated', 'treatAs'], v)}
                />
              </Field>
            </Col>
          </Row>
        </Card>
      )}
    </Flex>
  );
}

/** Picks one of the method's classes ("A 优先发展"); an unknown stored key stays visible. */
export function ClassSelect({
  value,
  onChange,
  testId,
}: {
  value: string | undefined;
  onChange: (key: string) => void;
  testId?: string;
}) {
  const { method, lang } = useEditor();
  const options = method.classes.map((c) => ({
    value: c.key,
    label: `${c.key} ${lang === 'en' ? c.name.en || c.name.zh : c.name.zh}`,
  }));
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      style={{ width: '100%', minWidth: 96 }}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}

/** Move up, move down and remove buttons of a list row. */
export function RowActions({
  index,
  count,
  onMove,
  onRemove,
  minCount = 0,
}: {
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  minCount?: number;
}) {
  const { t } = useTranslation();
  return (
    <Flex gap={2}>
      <Tooltip title={t('methods.moveUp')}>
        <Button
          type="text"
          size="small"
          icon={<ArrowUpOutlined />}
          aria-label={t('methods.moveUp')}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
        />
      </Tooltip>
      <Tooltip title={t('methods.moveDown')}>
        <Button
          type="text"
          size="small"
          icon={<ArrowDownOutlined />}
          aria-label={t('methods.moveDown')}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
        />
      </Tooltip>
      <Tooltip title={t('methods.remove')}>
        <Button
          type="text"
          size="small"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('methods.remove')}
          disabled={count <= minCount}
          onClick={onRemove}
        />
      </Tooltip>
    </Flex>
  );
}
