import { App, Form } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useCreateEnterprise, useEnterprise, useUpdateEnterprise } from '../../api/enterprises';
import { usePlatformOptions } from '../../api/platforms';
import type {
  EnterpriseDetail,
  EnterpriseCreateBody as EnterpriseInput,
  EnterprisePatch,
} from '../../../modules/enterprises/enterprises.schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { ConflictAlert, EditFormPage, FormButtons } from '../../components/EditForm';
import { useEditForm } from '../../components/useEditForm';
import { useErrorText } from '../../lib/errorText';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { parseEnterpriseId } from './EnterpriseDetailPage';
import { EnterpriseForm, type EnterpriseFormValues, ENTERPRISE_FORM_FIELDS } from './EnterpriseForm';

type Input = Required<Omit<EnterpriseInput, 'platformId'>> & { platformId: number };

function toValues(e: EnterpriseDetail): EnterpriseFormValues {
  return {
    uscc: e.uscc,
    name: e.name,
    platformId: e.platformId,
    industryClass: e.industryClass,
    scaleMode: e.scaleOverride ?? 'auto',
    ownLandMu: e.ownLandMu,
    leasedFloorM2: e.leasedFloorM2,
    ratingExemption: e.ratingExemption,
    address: e.address ?? '',
    labels: e.labels.map((l) => ({ label: l.label, grantedOn: l.grantedOn })),
  };
}

function toInput(v: EnterpriseFormValues): Input {
  const num = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  return {
    uscc: v.uscc,
    name: v.name.trim(),
    platformId: v.platformId ?? 0,
    industryClass: v.industryClass ?? null,
    scaleOverride: v.scaleMode === 'auto' ? null : v.scaleMode,
    ownLandMu: num(v.ownLandMu),
    leasedFloorM2: num(v.leasedFloorM2),
    ratingExemption: v.ratingExemption ?? null,
    address: (v.address ?? '').trim(),
    labels: v.labels ?? [],
  };
}

/** Fields of `next` that differ from `current` (only those are sent with PATCH; the USCC never). */
function changedFields(current: EnterpriseDetail, next: Input): Omit<EnterprisePatch, 'version'> {
  const before = toInput(toValues(current));
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof Input)[]) {
    if (key === 'uscc') continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(next[key])) patch[key] = next[key];
  }
  return patch;
}

const EMPTY: EnterpriseFormValues = {
  uscc: '',
  name: '',
  platformId: undefined,
  industryClass: null,
  scaleMode: 'auto',
  ownLandMu: null,
  leasedFloorM2: null,
  ratingExemption: null,
  address: '',
  labels: [],
};

export function EnterpriseFormPage() {
  const params = useParams();
  if (params.id === undefined) return <EnterpriseEditor />;
  const id = parseEnterpriseId(params.id);
  if (id === undefined) return <NotFoundPage />;
  return <EnterpriseEditLoader id={id} />;
}

function EnterpriseEditLoader({ id }: { id: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { data, isPending, error, refetch } = useEnterprise(id);
  usePageTitle(t('enterprises.editTitle'));
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage message={errorText(error)} />;
  if (isPending) return <PageSpin />;
  if (!data) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return <EnterpriseEditor key={`${data.id}:${data.version}`} enterprise={data} onReload={() => refetch()} />;
}

interface EditorProps {
  enterprise?: EnterpriseDetail;
  onReload?: () => Promise<unknown>;
}

function EnterpriseEditor({ enterprise, onReload }: EditorProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const { data: platforms, isPending: platformsPending } = usePlatformOptions();
  const [form] = Form.useForm<EnterpriseFormValues>();
  const create = useCreateEnterprise();
  const update = useUpdateEnterprise(enterprise?.id ?? 0);
  const edit = useEditForm(form, {
    fields: [...ENTERPRISE_FORM_FIELDS, 'scaleMode'],
    fieldOf: (e) =>
      e.details.length === 0 && /USCC/.test(e.code)
        ? 'uscc'
        : e.code === 'DUPLICATE_NAME'
          ? 'name'
          : undefined,
    // The server names `scaleOverride`; the form's control is `scaleMode`.
    renameField: (field) => field.replace(/^\/?scaleOverride/, 'scaleMode'),
  });
  const isEdit = enterprise !== undefined;
  const saving = create.isPending || update.isPending;
  usePageTitle(isEdit ? t('enterprises.editTitle') : t('enterprises.newTitle'));

  // A user who sees one platform (a platform administrator) gets it chosen for them.
  const initialValues = enterprise
    ? toValues(enterprise)
    : { ...EMPTY, platformId: platforms?.length === 1 ? platforms[0]!.id : (me?.platformId ?? undefined) };

  const done = (e: EnterpriseDetail) => {
    edit.leave();
    void message.success(t(isEdit ? 'enterprises.saved' : 'enterprises.created'));
    navigate(`/enterprises/${e.id}`, { replace: true });
  };

  const onFinish = (values: EnterpriseFormValues) => {
    edit.setError(null);
    const input = toInput(values);
    if (!enterprise) {
      // Empty optional values are left out rather than sent as null: same meaning for the API.
      const body = Object.fromEntries(
        Object.entries(input).filter(([, value]) => value !== null && value !== ''),
      ) as unknown as EnterpriseInput;
      create.mutate(body, { onSuccess: done, onError: edit.onError });
      return;
    }
    const patch = changedFields(enterprise, input);
    // The platform changes only by the move action on the record page.
    delete patch.platformId;
    if (Object.keys(patch).length === 0) {
      done(enterprise);
      return;
    }
    update.mutate({ version: enterprise.version, ...patch }, { onSuccess: done, onError: edit.onError });
  };

  const back = () => navigate(enterprise ? `/enterprises/${enterprise.id}` : '/enterprises');

  return (
    <EditFormPage
      title={isEdit ? t('enterprises.editTitleOf', { name: enterprise.name }) : t('enterprises.newTitle')}
      onBack={back}
      error={edit.error}
      conflict={
        edit.conflict && (
          <ConflictAlert
            title={t('enterprises.conflictTitle')}
            description={t('enterprises.conflict')}
            reloadLabel={t('platforms.reloadLatest')}
            onReload={() => {
              edit.leave();
              void onReload?.();
            }}
          />
        )
      }
      buttons={
        <FormButtons
          isEdit={isEdit}
          saving={saving}
          submitDisabled={!isEdit && platformsPending}
          onSubmit={() => form.submit()}
          onCancel={back}
        />
      }
    >
      {/* New enterprise: wait for the platform list so a single platform can be preselected. */}
      {!isEdit && platformsPending ? (
        <PageSpin />
      ) : (
        <EnterpriseForm
          form={form}
          initialValues={initialValues}
          isEdit={isEdit}
          platforms={platforms}
          canChangePlatform={false}
          industryClassName={enterprise?.industryClassName}
          disabled={saving}
          onValuesChange={edit.markDirty}
          onFinish={onFinish}
        />
      )}
    </EditFormPage>
  );
}
