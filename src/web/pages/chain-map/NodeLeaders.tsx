import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, List, Modal, Radio, Select, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '../../api/auth';
import { RELATIONS, useAddPartner, useRemovePartner, type Relation } from '../../api/chainMap';
import type { NodeDetail } from '../../api/chainMap';
import { ProperName, TypedText } from '../../components/ProperName';
import { useErrorText } from '../../lib/errorText';
import { EnterprisePicker } from './EnterprisePicker';

type Leader = NodeDetail['leaders'][number];

/** The node's confirmed chain leaders with their suppliers, customers and partners (以企招企). */
export function NodeLeaders({ leaders }: { leaders: Leader[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { data: me } = useMe();
  const canWrite = hasPermission(me, 'chainmap:write');
  const remove = useRemovePartner();
  const [linking, setLinking] = useState<Leader | null>(null);
  return (
    <Flex vertical gap={8}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('chainMap.leaders.title')}
      </Typography.Title>
      {leaders.length === 0 && (
        <Typography.Text type="secondary">{t('chainMap.leaders.empty')}</Typography.Text>
      )}
      {leaders.map((l) => (
        <Card
          key={l.enterpriseId}
          size="small"
          title={
            <Link to={`/enterprises/${l.enterpriseId}`}>
              <ProperName name={l.name} />
            </Link>
          }
          extra={
            canWrite && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => setLinking(l)}>
                {t('chainMap.leaders.link')}
              </Button>
            )
          }
        >
          <List
            size="small"
            dataSource={l.partners}
            locale={{ emptyText: t('chainMap.leaders.noPartners') }}
            renderItem={(p) => (
              <List.Item
                actions={
                  canWrite
                    ? [
                        <a
                          key="rm"
                          onClick={() =>
                            remove.mutate(p.id, { onError: (e) => void message.error(errorText(e)) })
                          }
                        >
                          {t('chainMap.leaders.unlink')}
                        </a>,
                      ]
                    : []
                }
              >
                <Flex gap={8} wrap align="center">
                  <Tag>{t(`chainMap.relation.${p.relation}`)}</Tag>
                  {p.partnerEnterpriseId ? (
                    <Link to={`/enterprises/${p.partnerEnterpriseId}`}>
                      <ProperName name={p.partnerName} />
                    </Link>
                  ) : (
                    <ProperName name={p.partnerName} />
                  )}
                  {p.partnerEnterpriseId === null && <Tag>{t('chainMap.leaders.outside')}</Tag>}
                  <TypedText text={p.note} fallback="" />
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      ))}
      {linking && <PartnerModal leader={linking} onClose={() => setLinking(null)} />}
    </Flex>
  );
}

interface PartnerForm {
  kind: 'local' | 'outside';
  partnerEnterpriseId?: number | null;
  partnerName?: string;
  relation: Relation;
  note?: string;
}

function PartnerModal({ leader, onClose }: { leader: Leader; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const add = useAddPartner();
  const [form] = Form.useForm<PartnerForm>();
  const kind = Form.useWatch('kind', form);
  const submit = (v: PartnerForm) =>
    add.mutate(
      {
        leaderEnterpriseId: leader.enterpriseId,
        partnerEnterpriseId: v.kind === 'local' ? (v.partnerEnterpriseId ?? null) : null,
        partnerName: v.kind === 'outside' ? (v.partnerName ?? '').trim() || null : null,
        relation: v.relation,
        note: v.note ?? '',
      },
      { onSuccess: onClose, onError: (e) => void message.error(errorText(e)) },
    );
  return (
    <Modal
      open
      title={t('chainMap.leaders.linkTitle', { name: leader.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending}
      destroyOnHidden
    >
      <Form<PartnerForm>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'local', relation: 'supplier' }}
        onFinish={submit}
      >
        <Form.Item name="relation" label={t('chainMap.leaders.relation')} rules={[{ required: true }]}>
          <Select options={RELATIONS.map((r) => ({ value: r, label: t(`chainMap.relation.${r}`) }))} />
        </Form.Item>
        <Form.Item name="kind">
          <Radio.Group
            options={[
              { value: 'local', label: t('chainMap.leaders.local') },
              { value: 'outside', label: t('chainMap.leaders.outside') },
            ]}
          />
        </Form.Item>
        {kind === 'outside' ? (
          <Form.Item
            name="partnerName"
            label={t('chainMap.leaders.outsideName')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input maxLength={100} />
          </Form.Item>
        ) : (
          <Form.Item
            name="partnerEnterpriseId"
            label={t('chainMap.enterprise')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <EnterprisePicker />
          </Form.Item>
        )}
        <Form.Item name="note" label={t('chainMap.note')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
