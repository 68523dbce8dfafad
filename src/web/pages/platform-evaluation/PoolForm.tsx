import { SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Flex, Form, InputNumber, Row, Statistic, Tag, Typography } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useSavePool, type PlatformEvaluation, type PoolInput } from '../../api/platformEvaluation';
import { applyServerErrors } from '../../lib/applyServerErrors';
import { useErrorText } from '../../lib/errorText';
import { formatSetting } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { formatUnits } from './peFormat';

/** The pool form's fields: name, limit, whole units or not, unit label, hint, test id. */
const POOL_FIELDS = [
  { name: 'landMu', max: 10_000_000, whole: true, unit: 'units.mu', hint: false, testId: 'land' },
  { name: 'energyTce', max: 10_000_000, whole: true, unit: 'units.tce', hint: false, testId: 'energy' },
  {
    name: 'threshold',
    max: 1000,
    whole: false,
    unit: 'platformEvaluation.pointsUnit',
    hint: true,
    testId: 'threshold',
  },
  { name: 'leaders', max: 50, whole: true, unit: null, hint: true, testId: 'leaders' },
] as const;

type PoolValues = Omit<PoolInput, 'methodId'>;

/** The year's pool: land (亩), energy (tce), threshold and leading parks; the task force edits it. */
export function PoolForm({
  data,
  canWrite,
  chosenMethodId,
}: {
  data: PlatformEvaluation;
  canWrite: boolean;
  chosenMethodId: number | undefined;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<PoolValues>();
  const save = useSavePool(data.year);
  const pool = data.pool;
  const initial = useMemo(
    () => ({
      landMu: pool.landMu,
      energyTce: pool.energyTce,
      threshold: pool.threshold,
      leaders: pool.leaders,
    }),
    [pool.landMu, pool.energyTce, pool.threshold, pool.leaders],
  );
  // Another year, or a save elsewhere: the form shows what the server has.
  useEffect(() => {
    form.setFieldsValue(initial);
  }, [form, initial, data.year]);

  const submit = async (values: PoolValues) => {
    try {
      await save.mutateAsync({
        landMu: values.landMu,
        energyTce: values.energyTce,
        threshold: values.threshold,
        leaders: values.leaders,
        // The method in view when one was chosen, else the pool keeps its own.
        methodId: chosenMethodId ?? pool.methodId,
      });
      void message.success(t('platformEvaluation.pool.saved', { year: data.year }));
    } catch (e) {
      // Field problems go under their fields; anything else is said in a message.
      const rest = applyServerErrors(form, e, lang, ['landMu', 'energyTce', 'threshold', 'leaders']);
      if (!(e instanceof ApiError) || e.details.length === 0 || rest.length) void message.error(errorText(e));
    }
  };

  if (!canWrite)
    return (
      <Card size="small" title={t('platformEvaluation.pool.title', { year: data.year })}>
        <Row gutter={[16, 8]}>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.pool.landMu')}
              value={formatUnits(pool.landMu)}
              suffix={t('units.mu')}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.pool.energyTce')}
              value={formatUnits(pool.energyTce)}
              suffix={t('units.tce')}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('platformEvaluation.pool.threshold')}
              value={formatSetting(pool.threshold)}
              suffix={t('platformEvaluation.pointsUnit')}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('platformEvaluation.pool.leaders')} value={pool.leaders} />
          </Col>
        </Row>
        {!pool.saved && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('platformEvaluation.pool.defaults')}
          </Typography.Text>
        )}
      </Card>
    );

  return (
    <Card
      size="small"
      title={t('platformEvaluation.pool.title', { year: data.year })}
      extra={
        !pool.saved && (
          <Tag color="orange" style={{ marginInlineEnd: 0 }}>
            {t('platformEvaluation.pool.notSaved')}
          </Tag>
        )
      }
    >
      <Form<PoolValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(v) => void submit(v)}
        requiredMark={false}
        disabled={save.isPending}
      >
        <Row gutter={16} align="bottom">
          {POOL_FIELDS.map((f) => (
            <Col key={f.name} xs={12} lg={f.name === 'leaders' ? 4 : 5}>
              <Form.Item
                name={f.name}
                label={t(`platformEvaluation.pool.${f.name}`)}
                tooltip={f.hint ? t(`platformEvaluation.pool.${f.name}Hint`) : undefined}
                rules={[{ required: true, message: t('platformEvaluation.pool.required') }]}
              >
                <InputNumber
                  min={0}
                  max={f.max}
                  precision={f.whole ? 0 : undefined}
                  step={f.whole ? undefined : 1}
                  style={{ width: '100%' }}
                  suffix={f.unit ? t(f.unit) : undefined}
                  data-testid={`pe-pool-${f.testId}`}
                />
              </Form.Item>
            </Col>
          ))}
          <Col xs={24} lg={5}>
            <Form.Item>
              <Button
                type="primary"
                htmlType="submit"
                icon={<SaveOutlined />}
                loading={save.isPending}
                data-testid="pe-pool-save"
                block
              >
                {t('platformEvaluation.pool.save')}
              </Button>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      <Flex vertical gap={2}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {pool.saved ? t('platformEvaluation.pool.hint') : t('platformEvaluation.pool.defaults')}
        </Typography.Text>
        {pool.confirmedAt && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t('platformEvaluation.pool.clearsConfirmation')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
