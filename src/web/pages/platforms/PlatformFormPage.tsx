import { App, Form } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { localPair, useLang } from '../../lib/useLang';
import { useMe } from '../../api/auth';
import { ApiError } from '../../api/client';
import { useCreatePlatform, usePlatform, useUpdatePlatform } from '../../api/platforms';
import type { Platform, PlatformInput } from '../../../modules/platforms/platforms.schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageSpin } from '../../components/PageSpin';
import { ConflictAlert, EditFormPage, FormButtons } from '../../components/EditForm';
import { useEditForm } from '../../components/useEditForm';
import { useErrorText } from '../../lib/errorText';
import { usePageTitle } from '../../lib/usePageTitle';
import { NotFoundPage } from '../errors/NotFoundPage';
import { parsePlatformId } from './PlatformDetailPage';
import { PLATFORM_FORM_FIELDS, PlatformForm, type PlatformFormValues } from './PlatformForm';

const NULLABLE_NUMBERS = new Set(['areaKm2', 'industrialLandMu', 'longitude', 'latitude']);

const EMPTY: PlatformFormValues = {
  name: '',
  nameEn: '',
  type: undefined,
  districtCode: undefined,
  leadingIndustries: [],
  areaKm2: null,
  industrialLandMu: null,
  longitude: null,
  latitude: null,
  description: '',
  isStrategic: false,
};

function toValues(p: Platform): PlatformFormValues {
  return {
    name: p.name,
    nameEn: p.nameEn ?? '',
    type: p.type,
    districtCode: p.districtCode,
    leadingIndustries: [...p.leadingIndustries],
    areaKm2: p.areaKm2,
    industrialLandMu: p.industrialLandMu,
    longitude: p.longitude,
    latitude: p.latitude,
    description: p.description ?? '',
    isStrategic: p.isStrategic,
  };
}

function toInput(v: PlatformFormValues): PlatformInput {
  const num = (x: number | null | undefined) => (typeof x === 'number' && Number.isFinite(x) ? x : null);
  return {
    name: v.name.trim(),
    nameEn: (v.nameEn ?? '').trim(),
    type: v.type ?? '',
    districtCode: v.districtCode ?? '',
    leadingIndustries: v.leadingIndustries,
    areaKm2: num(v.areaKm2),
    industrialLandMu: num(v.industrialLandMu),
    longitude: num(v.longitude),
    latitude: num(v.latitude),
    description: (v.description ?? '').trim(),
    isStrategic: !!v.isStrategic,
  };
}

/** Fields of `next` that differ from `current` (only those are sent with PATCH). */
function changedFields(current: Platform, next: PlatformInput): Partial<PlatformInput> {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(next) as (keyof PlatformInput)[]) {
    const a: unknown = current[key];
    const b: unknown = next[key];
    const same = Array.isArray(a) && Array.isArray(b) ? a.join('\u0000') === b.join('\u0000') : a === b;
    if (!same) patch[key] = b;
  }
  return patch as Partial<PlatformInput>;
}

export function PlatformFormPage() {
  const params = useParams();
  if (params.id === undefined) return <PlatformEditor />;
  const id = parsePlatformId(params.id);
  if (id === undefined) return <NotFoundPage />;
  return <PlatformEditLoader id={id} />;
}

function PlatformEditLoader({ id }: { id: number }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { data, isPending, error, refetch } = usePlatform(id);
  usePageTitle(t('platforms.editTitle'));
  if (error instanceof ApiError && error.status === 404) return <NotFoundPage message={errorText(error)} />;
  if (isPending) return <PageSpin />;
  if (!data) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return <PlatformEditor key={`${data.id}:${data.version}`} platform={data} onReload={() => refetch()} />;
}

interface EditorProps {
  platform?: Platform;
  onReload?: () => Promise<unknown>;
}

function PlatformEditor({ platform, onReload }: EditorProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [form] = Form.useForm<PlatformFormValues>();
  const create = useCreatePlatform();
  const update = useUpdatePlatform(platform?.id ?? 0);
  const edit = useEditForm(form, {
    fields: PLATFORM_FORM_FIELDS,
    fieldOf: (e) => (e.code === 'DUPLICATE_NAME' ? 'name' : undefined),
  });
  const isEdit = platform !== undefined;
  const saving = create.isPending || update.isPending;
  usePageTitle(isEdit ? t('platforms.editTitle') : t('platforms.newTitle'));

  const done = (p: Platform) => {
    edit.leave();
    void message.success(t(isEdit ? 'platforms.saved' : 'platforms.created'));
    navigate(`/platforms/${p.id}`, { replace: true });
  };

  const onFinish = (values: PlatformFormValues) => {
    edit.setError(null);
    const input = toInput(values);
    if (!platform) {
      // Empty optional numbers are left out rather than sent as null: same meaning for the API,
      // and robust against servers that coerce null to 0.
      const body = Object.fromEntries(
        Object.entries(input).filter(([key, value]) => !(value === null && NULLABLE_NUMBERS.has(key))),
      ) as PlatformInput;
      create.mutate(body, { onSuccess: done, onError: edit.onError });
      return;
    }
    const patch = changedFields(platform, input);
    if (Object.keys(patch).length === 0) {
      done(platform);
      return;
    }
    update.mutate({ version: platform.version, ...patch }, { onSuccess: done, onError: edit.onError });
  };

  const back = () => navigate(platform ? `/platforms/${platform.id}` : '/platforms');

  return (
    <EditFormPage
      title={
        isEdit
          ? t('platforms.editTitleOf', { name: localPair(platform.name, platform.nameEn, lang) })
          : t('platforms.newTitle')
      }
      onBack={back}
      error={edit.error}
      conflict={
        edit.conflict && (
          <ConflictAlert
            title={t('platforms.conflictTitle')}
            description={t('platforms.conflict')}
            reloadLabel={t('platforms.reloadLatest')}
            onReload={() => {
              edit.leave();
              void onReload?.();
            }}
          />
        )
      }
      buttons={<FormButtons isEdit={isEdit} saving={saving} onSubmit={() => form.submit()} onCancel={back} />}
    >
      <PlatformForm
        form={form}
        initialValues={platform ? toValues(platform) : EMPTY}
        canSetStrategic={me?.role === 'task_force'}
        disabled={saving}
        onValuesChange={edit.markDirty}
        onFinish={onFinish}
      />
    </EditFormPage>
  );
}
