import { App, Form } from 'antd';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../api/auth';
import { usePlatformOptions } from '../../api/platforms';
import { useProject, useSaveProject, type ProjectDetail } from '../../api/projects';
import type { ProjectCreate } from '../../../modules/projects/projects.schemas';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ConflictAlert, EditFormPage, FormButtons } from '../../components/EditForm';
import { PageSpin } from '../../components/PageSpin';
import { useEditForm } from '../../components/useEditForm';
import { usePageTitle } from '../../lib/usePageTitle';
import { ProjectForm, PROJECT_FORM_FIELDS, type ProjectFormValues } from './ProjectForm';
import { toBody, toValues } from './projectBody';

export function ProjectFormPage() {
  const params = useParams();
  if (params.id === undefined) return <ProjectEditor />;
  return <ProjectEditLoader id={Number(params.id)} />;
}

function ProjectEditLoader({ id }: { id: number }) {
  const { data, isPending, error, refetch } = useProject(id);
  if (isPending) return <PageSpin />;
  if (!data) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  return <ProjectEditor key={`${data.id}:${data.version}`} project={data} onReload={() => refetch()} />;
}

function ProjectEditor({
  project,
  onReload,
}: {
  project?: ProjectDetail;
  onReload?: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const platforms = usePlatformOptions();
  const [form] = Form.useForm<ProjectFormValues>();
  const save = useSaveProject();
  const edit = useEditForm(form, {
    fields: PROJECT_FORM_FIELDS,
    fieldOf: (e) => (e.code === 'DUPLICATE_CODE' || e.code === 'PROJECT_CODE_TAKEN' ? 'code' : undefined),
  });
  const isEdit = project !== undefined;
  usePageTitle(isEdit ? t('projects.editTitle') : t('projects.newTitle'));
  const own = me?.role === 'platform_admin' && me.platformId ? me.platformId : undefined;
  const choices = (platforms.data ?? []).filter((p) => !own || p.id === own);
  const initialValues: Partial<ProjectFormValues> = project
    ? toValues(project)
    : {
        investorKind: 'outside',
        platformId: own,
        ownerName: me?.displayName ?? '',
        leadDate: dayjs(),
      };

  const back = () => void navigate(project ? `/projects/${project.id}` : '/projects');
  const onFinish = (v: ProjectFormValues) => {
    edit.setError(null);
    const body = toBody(v, me ?? undefined);
    const payload = project
      ? { ...body, version: project.version }
      : ({
          ...body,
          code: v.code?.trim() || undefined,
          leadDate: v.leadDate ? v.leadDate.format('YYYY-MM-DD') : undefined,
        } satisfies ProjectCreate);
    save.mutate(
      { id: project?.id ?? null, body: payload },
      {
        onSuccess: (saved) => {
          edit.leave();
          void message.success(t(isEdit ? 'projects.saved' : 'projects.created'));
          void navigate(`/projects/${saved.id}`, { replace: true });
        },
        onError: edit.onError,
      },
    );
  };

  return (
    <EditFormPage
      title={isEdit ? t('projects.editTitle') : t('projects.newTitle')}
      onBack={back}
      error={edit.error}
      conflict={
        edit.conflict && (
          <ConflictAlert
            title={t('projects.conflictTitle')}
            description={t('projects.conflict')}
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
          saving={save.isPending}
          submitDisabled={platforms.isPending}
          onSubmit={() => form.submit()}
          onCancel={back}
          submitTestId="project-save"
        />
      }
    >
      {platforms.isPending ? (
        <PageSpin />
      ) : (
        <ProjectForm
          form={form}
          initialValues={initialValues}
          isEdit={isEdit}
          platforms={choices}
          onValuesChange={edit.markDirty}
          onFinish={onFinish}
          names={{
            investor: project?.investorEnterpriseId ? project.investorName : null,
            enterprise: project?.enterpriseName,
            referrer: project?.referrerName,
          }}
        />
      )}
    </EditFormPage>
  );
}
