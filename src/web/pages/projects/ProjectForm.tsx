import {
  Col,
  DatePicker,
  Divider,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  type FormInstance,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useReference } from '../../api/reference';
import { localName, useLang } from '../../lib/useLang';
import { normalizeUscc, usccProblem } from '../../lib/uscc';
import { SOURCES, type Source } from '../../../modules/projects/core/codes';
import { EnterprisePicker } from '../services/EnterprisePicker';

export interface ProjectFormValues {
  code?: string;
  name: string;
  investorKind: 'registered' | 'outside';
  investorEnterpriseId?: number | null;
  investorName?: string;
  investorUscc?: string;
  investorOrigin?: string;
  enterpriseId?: number | null;
  platformId?: number;
  industryCode?: string;
  chainNodeCode?: string;
  totalInvestment?: number | null;
  fixedAssetInvestment?: number | null;
  foreignInvestment?: number | null;
  landMu?: number | null;
  parcel?: string;
  energyTce?: number | null;
  source?: Source;
  referrerEnterpriseId?: number | null;
  ownerName?: string;
  committedIntensity?: number | null;
  committedOutputPerMu?: number | null;
  committedTaxPerMu?: number | null;
  fullProductionYear?: number | null;
  note?: string;
  leadDate?: Dayjs;
}

export const PROJECT_FORM_FIELDS = [
  'code', 'name', 'investorEnterpriseId', 'investorName', 'investorUscc', 'investorOrigin', 'enterpriseId',
  'platformId', 'industryCode', 'chainNodeCode', 'totalInvestment', 'fixedAssetInvestment',
  'foreignInvestment', 'landMu', 'parcel', 'energyTce', 'source', 'referrerEnterpriseId', 'ownerName',
  'committedIntensity', 'committedOutputPerMu', 'committedTaxPerMu', 'fullProductionYear', 'note', 'leadDate',
] as const; // prettier-ignore

interface Props {
  form: FormInstance<ProjectFormValues>;
  initialValues: Partial<ProjectFormValues>;
  isEdit: boolean;
  platforms: { id: number; name: string }[];
  onValuesChange: () => void;
  onFinish: (values: ProjectFormValues) => void;
  /** Saved names of the chosen enterprises (shown before a search finds them). */
  names: { investor?: string | null; enterprise?: string | null; referrer?: string | null };
}

/** The project's fields: investor (registered or outside), place, amounts, source, owner, 标准地. */
export function ProjectForm(props: Props) {
  const { form, initialValues, isEdit, platforms, onValuesChange, onFinish, names } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const reference = useReference();
  const kind = Form.useWatch('investorKind', form) ?? initialValues.investorKind;
  const source = Form.useWatch('source', form) ?? initialValues.source;
  const required = (key: string) => ({ required: true, message: t(`projects.form.required.${key}`) });
  const amount = (name: keyof ProjectFormValues, label: string, unit: string, rules: object[] = []) => (
    <Col xs={24} md={8}>
      <Form.Item name={name} label={label} rules={rules}>
        <InputNumber<number> min={0} style={{ width: '100%' }} suffix={unit} aria-label={label} />
      </Form.Item>
    </Col>
  );
  const usccRule = {
    validator: (_: unknown, raw?: string) => {
      if (!raw) return Promise.resolve();
      return usccProblem(normalizeUscc(raw))
        ? Promise.reject(new Error(t('projects.form.usccInvalid')))
        : Promise.resolve();
    },
  };
  const pick = (id?: number | null, name?: string | null) => (id && name ? { id, name } : null);
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onFinish={onFinish}
      scrollToFirstError
    >
      <Row gutter={16}>
        <Col xs={24} md={16}>
          <Form.Item
            name="name"
            label={t('projects.col.name')}
            rules={[required('name'), { whitespace: true, message: t('projects.form.required.name') }]}
          >
            <Input data-user-text maxLength={100} data-testid="project-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="code"
            label={t('projects.col.code')}
            extra={isEdit ? undefined : t('projects.form.codeHint')}
          >
            <Input data-user-text maxLength={32} disabled={isEdit} placeholder="XM-2026-00001" />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('projects.form.investor')}</Divider>
      <Form.Item name="investorKind">
        <Radio.Group
          optionType="button"
          options={[
            { value: 'registered', label: t('projects.investor.registered') },
            { value: 'outside', label: t('projects.investor.outside') },
          ]}
        />
      </Form.Item>
      {kind === 'registered' ? (
        <Form.Item
          name="investorEnterpriseId"
          label={t('projects.col.investor')}
          rules={[required('investor')]}
          extra={t('projects.form.investorHint')}
        >
          <EnterprisePicker
            ariaLabel={t('projects.col.investor')}
            testId="project-investor"
            selected={pick(initialValues.investorEnterpriseId, names.investor)}
          />
        </Form.Item>
      ) : (
        <Row gutter={16}>
          <Col xs={24} md={10}>
            <Form.Item
              name="investorName"
              label={t('projects.form.investorName')}
              rules={[
                required('investorName'),
                { whitespace: true, message: t('projects.form.required.investorName') },
              ]}
            >
              <Input data-user-text maxLength={100} data-testid="project-investor-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="investorUscc"
              label={t('projects.col.uscc')}
              rules={[usccRule]}
              normalize={(v: string) => v.toUpperCase()}
            >
              <Input data-user-text maxLength={18} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="investorOrigin"
              label={t('projects.col.origin')}
              rules={[required('origin')]}
              extra={t('projects.form.originHint')}
            >
              <Input data-user-text maxLength={40} data-testid="project-investor-origin" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.Item
        name="enterpriseId"
        label={t('projects.col.enterprise')}
        extra={t('projects.form.enterpriseHint')}
      >
        <EnterprisePicker
          ariaLabel={t('projects.col.enterprise')}
          testId="project-enterprise"
          allowClear
          selected={pick(initialValues.enterpriseId, names.enterprise)}
        />
      </Form.Item>
      <Divider titlePlacement="start">{t('projects.form.placeAndSize')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="platformId" label={t('projects.col.platform')} rules={[required('platform')]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              disabled={platforms.length === 1}
              options={platforms.map((p) => ({ value: p.id, label: p.name }))}
              data-testid="project-platform"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="industryCode" label={t('projects.col.industry')} rules={[required('industry')]}>
            <Select
              data-testid="project-industry"
              options={(reference.data?.industries ?? [])
                .filter((i) => i.isKey)
                .map((i) => ({ value: i.code, label: localName(i, lang) ?? i.code }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item
            name="chainNodeCode"
            label={t('projects.col.chainNode')}
            rules={[
              { pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, message: t('projects.form.nodeInvalid') },
            ]}
          >
            <Input data-user-text maxLength={32} placeholder="IC-U01" />
          </Form.Item>
        </Col>
        {amount('totalInvestment', t('projects.col.totalInvestment'), t('units.wanYuan'), [
          required('total'),
        ])}
        {amount('fixedAssetInvestment', t('projects.col.fixedAssetInvestment'), t('units.wanYuan'))}
        {amount('foreignInvestment', t('projects.col.foreignInvestment'), t('projects.unit.wanUsd'))}
        {amount('landMu', t('projects.col.landMu'), t('units.mu'))}
        <Col xs={24} md={8}>
          <Form.Item name="parcel" label={t('projects.col.parcel')}>
            <Input data-user-text maxLength={100} />
          </Form.Item>
        </Col>
        {amount('energyTce', t('projects.col.energyTce'), t('units.tce'))}
      </Row>
      <Divider titlePlacement="start">{t('projects.form.sourceAndOwner')}</Divider>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="source" label={t('projects.col.source')} rules={[required('source')]}>
            <Select
              options={SOURCES.map((s) => ({ value: s, label: t(`projects.source.${s}`) }))}
              data-testid="project-source"
            />
          </Form.Item>
        </Col>
        {source === 'referral' && (
          <Col xs={24} md={10}>
            <Form.Item
              name="referrerEnterpriseId"
              label={t('projects.col.referrer')}
              rules={[required('referrer')]}
            >
              <EnterprisePicker
                ariaLabel={t('projects.col.referrer')}
                testId="project-referrer"
                selected={pick(initialValues.referrerEnterpriseId, names.referrer)}
              />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={6}>
          <Form.Item name="ownerName" label={t('projects.col.owner')}>
            <Input data-user-text maxLength={40} />
          </Form.Item>
        </Col>
        {!isEdit && (
          <Col xs={24} md={8}>
            <Form.Item name="leadDate" label={t('projects.form.leadDate')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        )}
      </Row>
      <Divider titlePlacement="start">{t('projects.section.commitments')}</Divider>
      <Row gutter={16}>
        {amount('committedIntensity', t('projects.commit.intensity'), t('units.wanYuanPerMu'))}
        {amount('committedOutputPerMu', t('projects.commit.output_per_mu'), t('units.wanYuanPerMu'))}
        {amount('committedTaxPerMu', t('projects.commit.tax_per_mu'), t('units.wanYuanPerMu'))}
        <Col xs={24} md={8}>
          <Form.Item name="fullProductionYear" label={t('projects.col.fullProductionYear')}>
            <InputNumber<number> min={1990} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('projects.form.note')}>
        <Input.TextArea data-user-text rows={3} maxLength={2000} />
      </Form.Item>
    </Form>
  );
}
