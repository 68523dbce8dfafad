import { useTranslation } from 'react-i18next';
import { TypedText } from '../../components/ProperName';

/** Where a task comes from: its meeting's title, or the plan section typed when it was created. */
export function TaskSource({
  t: task,
}: {
  t: { sourceKind: string; meetingTitle: string | null; planRef: string | null };
}) {
  const { t } = useTranslation();
  if (task.sourceKind === 'meeting') return <TypedText text={task.meetingTitle} />;
  return (
    <>
      {t('tasks.planRefPrefix')} <TypedText text={task.planRef} />
    </>
  );
}
