import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Radio,
  Select,
  Typography,
  Upload,
  type UploadFile,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../api/auth';
import { useEnterprises } from '../../api/enterprises';
import { useAttach, useCreateRequest, useRequestCategories } from '../../api/requests';
import { ATTACHMENT_MAX_BYTES } from '../../../modules/requests/core/attachments';
import { ErrorAlert } from '../../components/ErrorAlert';
import { categoryName } from './requestLabels';

interface Values {
  enterpriseId?: number;
  category: string;
  title: string;
  description: string;
  urgency: 'normal' | 'urgent';
}

/** Raise a request: an enterprise for itself, the platform or the task force on an enterprise's behalf. */
export function NewRequestPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [keyword, setKeyword] = useState('');
  const forOther = !me?.enterpriseId;
  const enterprises = useEnterprises({ keyword: keyword || undefined, page: 1, pageSize: 20 });
  const categories = useRequestCategories();
  const create = useCreateRequest();
  const attach = useAttach();

  const submit = async (v: Values) => {
    const created = await create.mutateAsync(v);
    for (const f of files)
      if (f.originFileObj) await attach.mutateAsync({ id: created.id, file: f.originFileObj });
    void message.success(t('requests.created', { code: created.code }));
    void navigate(`/requests/${created.id}`);
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 720, minWidth: 0 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('requests.new')}
      </Typography.Title>
      {create.error || attach.error ? <ErrorAlert error={create.error ?? attach.error} /> : null}
      <Card size="small">
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ urgency: 'normal' }}
          onFinish={(v) => void submit(v).catch(() => undefined)}
        >
          {forOther && (
            <Form.Item
              name="enterpriseId"
              label={t('requests.col.enterprise')}
              rules={[{ required: true, message: t('common.select') }]}
            >
              <Select
                showSearch
                filterOption={false}
                onSearch={setKeyword}
                data-testid="enterprise-select"
                options={(enterprises.data?.items ?? []).map((e) => ({
                  value: e.id,
                  label: `${e.name}（${e.uscc}）`,
                }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="category"
            label={t('requests.col.category')}
            rules={[{ required: true, message: t('common.select') }]}
          >
            <Select
              data-testid="category-select"
              options={(categories.data ?? [])
                .filter((c) => c.active)
                .map((c) => ({
                  value: c.code,
                  label: categoryName({ categoryZh: c.nameZh, categoryEn: c.nameEn }, i18n.language),
                }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('requests.col.title')}
            rules={[{ required: true, whitespace: true, message: t('requests.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('requests.description')}
            rules={[{ required: true, whitespace: true, message: t('requests.required') }]}
          >
            <Input.TextArea rows={5} maxLength={4000} />
          </Form.Item>
          <Form.Item name="urgency" label={t('requests.urgency.label')}>
            <Radio.Group
              options={(['normal', 'urgent'] as const).map((u) => ({
                value: u,
                label: t(`requests.urgency.${u}`),
              }))}
            />
          </Form.Item>
          <Form.Item label={t('requests.attachments')} extra={t('requests.attachmentRule')}>
            <Upload
              multiple
              maxCount={10}
              accept=".pdf,.jpg,.jpeg,.png,.docx,.xlsx"
              fileList={files}
              beforeUpload={(file) => {
                if (file.size > ATTACHMENT_MAX_BYTES) {
                  void message.error(t('requests.tooLarge', { name: file.name }));
                  return Upload.LIST_IGNORE;
                }
                return false;
              }}
              onChange={({ fileList }) => setFiles(fileList)}
            >
              <Button icon={<UploadOutlined />}>{t('requests.chooseFiles')}</Button>
            </Upload>
          </Form.Item>
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={create.isPending || attach.isPending}>
              {t('requests.submit')}
            </Button>
            <Button onClick={() => void navigate('/requests')}>{t('common.cancel')}</Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
