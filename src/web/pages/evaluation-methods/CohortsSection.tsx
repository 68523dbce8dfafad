import { App, Button, Flex, Tabs, theme, Tooltip } from 'antd';
import { ArrowLeftOutlined, ArrowRightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { moveItem, newCohort, removeItem } from './draft';
import { PartProblems, useEditor } from './editorContext';
import { CohortEditor } from './CohortEditor';
import { WeightSumTag, weightSum } from './IndicatorTable';

const MAX_COHORTS = 12;

/** The cohorts of a method as tabs (add, remove, reorder: firms join the first cohort that fits). */
export function CohortsSection({
  active,
  onActiveChange,
  problemCount,
}: {
  active: number;
  onActiveChange: (index: number) => void;
  problemCount: (cohort: number) => number;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const { token } = theme.useToken();
  const { method, lang, update, readOnly } = useEditor();
  const cohorts = method.cohorts;
  const current = Math.min(active, cohorts.length - 1);

  const move = (to: number) => {
    update((m) => ({ ...m, cohorts: moveItem(m.cohorts, current, to) }));
    onActiveChange(to);
  };
  const remove = (index: number) =>
    modal.confirm({
      title: t('methods.cohort.removeTitle', { name: cohorts[index]?.name.zh || cohorts[index]?.key }),
      content: t('methods.cohort.removeContent'),
      okButtonProps: { danger: true },
      okText: t('methods.remove'),
      cancelText: t('common.cancel'),
      onOk: () => {
        update((m) => ({ ...m, cohorts: removeItem(m.cohorts, index) }));
        onActiveChange(Math.max(0, Math.min(current, cohorts.length - 2)));
      },
    });

  return (
    <Flex vertical gap={8}>
      <PartProblems path={['cohorts']} />
      <Tabs
        type={readOnly ? 'card' : 'editable-card'}
        activeKey={String(current)}
        onChange={(k) => onActiveChange(Number(k))}
        hideAdd={readOnly || cohorts.length >= MAX_COHORTS}
        addIcon={<span>+ {t('methods.cohort.add')}</span>}
        onEdit={(key, action) => {
          if (action === 'add') {
            update((m) => ({ ...m, cohorts: [...m.cohorts, newCohort(m)] }));
            onActiveChange(cohorts.length);
          } else if (typeof key === 'string') remove(Number(key));
        }}
        tabBarExtraContent={
          readOnly ? undefined : (
            <Flex gap={4}>
              <Tooltip title={t('methods.cohort.moveLeft')}>
                <Button
                  size="small"
                  icon={<ArrowLeftOutlined />}
                  aria-label={t('methods.cohort.moveLeft')}
                  disabled={current === 0}
                  onClick={() => move(current - 1)}
                />
              </Tooltip>
              <Tooltip title={t('methods.cohort.moveRight')}>
                <Button
                  size="small"
                  icon={<ArrowRightOutlined />}
                  aria-label={t('methods.cohort.moveRight')}
                  disabled={current === cohorts.length - 1}
                  onClick={() => move(current + 1)}
                />
              </Tooltip>
            </Flex>
          )
        }
        items={cohorts.map((c, i) => {
          const problems = problemCount(i);
          return {
            key: String(i),
            closable: !readOnly && cohorts.length > 1,
            label: (
              <Flex gap={6} align="center" data-testid={`cohort-tab-${i}`}>
                <span style={problems ? { color: token.colorError } : undefined}>
                  {(lang === 'en' ? c.name.en || c.name.zh : c.name.zh) || c.key}
                </span>
                <WeightSumTag sum={weightSum(c.indicators)} compact />
              </Flex>
            ),
            children: <CohortEditor index={i} />,
          };
        })}
      />
    </Flex>
  );
}
