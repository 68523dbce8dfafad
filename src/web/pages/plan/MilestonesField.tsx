import { Button, Flex, Form, InputNumber, Select, type FormInstance } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { groupDigits, MilestoneRow, TargetFormValues, ungroupDigits } from './planForm';

interface Props {
  form: FormInstance<TargetFormValues>;
  /** The period's years. */
  years: number[];
  suffix: string | undefined;
  grouping: { formatter?: typeof groupDigits; parser?: typeof ungroupDigits };
}

/** A target's milestones: one value per year, each year at most once. */
export function MilestonesField({ form, years, suffix, grouping }: Props) {
  const { t } = useTranslation();
  const required = { required: true, message: t('validation.required') };
  const yearLabel = (y: number) => t('plan.yearLabel', { year: y });
  return (
    <Form.Item label={t('plan.col.milestones')} extra={t('plan.form.milestonesHelp')} required={false}>
      <Form.List
        name="milestones"
        rules={[
          {
            validator: async (_, rows: MilestoneRow[] | undefined) => {
              const ys = (rows ?? []).map((r) => r?.year).filter((y): y is number => y != null);
              if (new Set(ys).size !== ys.length) throw new Error(t('plan.form.milestoneDuplicate'));
            },
          },
        ]}
      >
        {(fields, { add, remove: removeRow }, { errors }) => (
          <Flex vertical gap={8} data-testid="plan-target-milestones">
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="start">
                <Form.Item
                  name={[field.name, 'year']}
                  rules={[required]}
                  style={{ marginBottom: 0, width: 140 }}
                >
                  <Select<number>
                    options={years.map((y) => ({ value: y, label: yearLabel(y) }))}
                    placeholder={t('plan.form.milestoneYear')}
                    aria-label={t('plan.form.milestoneYear')}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'value']}
                  rules={[required]}
                  style={{ marginBottom: 0, flex: 1 }}
                >
                  <InputNumber
                    style={{ width: '100%' }}
                    suffix={suffix}
                    {...grouping}
                    placeholder={t('plan.form.milestoneValue')}
                    aria-label={t('plan.form.milestoneValue')}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<MinusCircleOutlined />}
                  aria-label={t('plan.form.milestoneRemove')}
                  onClick={() => removeRow(field.name)}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ year: nextMilestoneYear(form.getFieldValue('milestones'), years) })}
              style={{ width: 200 }}
              data-testid="plan-target-milestone-add"
            >
              {t('plan.form.milestoneAdd')}
            </Button>
            <Form.ErrorList errors={errors} />
          </Flex>
        )}
      </Form.List>
    </Form.Item>
  );
}

/** The first period year without a milestone yet. */
function nextMilestoneYear(rows: MilestoneRow[] | undefined, years: number[]): number | undefined {
  const used = new Set((rows ?? []).map((r) => r?.year));
  return years.find((y) => !used.has(y));
}
