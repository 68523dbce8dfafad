import { SearchOutlined } from '@ant-design/icons';
import { useMutationState } from '@tanstack/react-query';
import type { TableProps } from 'antd';
import { App, Button, Flex, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  SET_KEY_INDUSTRY_KEY,
  useIndustryClasses,
  useSetKeyIndustry,
  type SetKeyIndustryVars,
} from '../../api/enterprises';
import { useReference } from '../../api/reference';
import type { IndustryClass } from '../../../modules/industries/industries.schemas';
import { ListPage } from '../../components/ListPage';
import { useErrorText } from '../../lib/errorText';
import { useDebouncedValue } from '../../lib/useDebouncedValue';
import { localName, useLang } from '../../lib/useLang';
import { usePageTitle } from '../../lib/usePageTitle';
import {
  countByIndustry,
  divisionOf,
  matchesFilters,
  UNMAPPED,
  type MappingFilters,
} from './industryMapping';
import { MappingCounts } from './MappingCounts';

/** Select value standing for "no key industry" (a Select option cannot carry null). */
const NONE = '__none__';
const PAGE_SIZES = [20, 50, 100, 200];

/**
 * 行业与重点产业对应: which four-digit GB/T 4754-2017 class belongs to which key industry. Every
 * class of section C is loaded once (609, below the API's 1,000-row cap) and filtered here, so the
 * counts per key industry cover the whole classification whatever the filters.
 */
export function IndustryMappingPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const classes = useIndustryClasses('', 'class');
  const divisionList = useIndustryClasses('', 'division');
  const reference = useReference();
  const setKeyIndustry = useSetKeyIndustry();
  const saving = useMutationState({
    filters: { mutationKey: SET_KEY_INDUSTRY_KEY, status: 'pending' },
    select: (m) => (m.state.variables as SetKeyIndustryVars | undefined)?.code,
  });
  usePageTitle(t('industryMapping.title'));

  // The keyword is typed into local state (instant, IME-safe) and mirrored into the URL.
  const [search, setSearch] = useState(() => params.get('keyword') ?? '');
  const keyword = useDebouncedValue(search.trim(), 200);
  const keyIndustry = params.get('keyIndustry') || undefined;
  const division = params.get('division') || undefined;
  const filterSig = JSON.stringify({ keyword, keyIndustry, division } satisfies MappingFilters);
  const filtered = !!(search.trim() || keyIndustry || division);

  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  // Classes changed under the current filters stay listed even when they no longer match (a class
  // moved out of the filtered key industry does not vanish under the pointer).
  const [sticky, setSticky] = useState<{ sig: string; codes: ReadonlySet<string> }>({
    sig: '',
    codes: new Set(),
  });

  const update = (patch: Record<string, string | undefined>) => {
    setPage(1);
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  };

  const keyIndustries = useMemo(
    () => (reference.data?.industries ?? []).filter((i) => i.isKey),
    [reference.data],
  );
  const industryNames = useMemo(
    () => new Map((reference.data?.industries ?? []).map((i) => [i.code, localName(i, lang) ?? i.code])),
    [reference.data, lang],
  );
  // The manufacturing divisions (13–43) of section C.
  const divisions = useMemo(
    () =>
      (divisionList.data?.items ?? [])
        .filter((d) => d.level === 'division' && d.parentCode === 'C')
        .sort((a, b) => a.code.localeCompare(b.code)),
    [divisionList.data],
  );
  const divisionByCode = useMemo(() => new Map(divisions.map((d) => [d.code, d])), [divisions]);

  const all = useMemo(() => (classes.data?.items ?? []).filter((c) => c.level === 'class'), [classes.data]);
  const counts = useMemo(() => countByIndustry(all), [all]);
  const rows = useMemo(() => {
    const keep = sticky.sig === filterSig ? sticky.codes : undefined;
    return all.filter(
      (c) => matchesFilters(c, { keyword, keyIndustry, division }) || keep?.has(c.code) === true,
    );
  }, [all, keyword, keyIndustry, division, filterSig, sticky]);

  const industryLabel = (code: string) => industryNames.get(code) ?? code;
  const classLabel = (c: IndustryClass) => `${c.code} ${localName(c, lang) ?? ''}`.trim();

  const change = (c: IndustryClass, industryCode: string | null) => {
    if (industryCode === c.keyIndustry) return;
    setSticky((prev) => ({
      sig: filterSig,
      codes: new Set([...(prev.sig === filterSig ? prev.codes : []), c.code]),
    }));
    const name = localName(c, lang) ?? '';
    setKeyIndustry.mutateAsync({ code: c.code, industryCode }).then(
      (res) =>
        void message.success(
          res.keyIndustry
            ? t('industryMapping.saved', { code: c.code, name, industry: industryLabel(res.keyIndustry) })
            : t('industryMapping.cleared', { code: c.code, name }),
        ),
      (e: unknown) =>
        void message.error(t('industryMapping.saveFailed', { code: c.code, name, error: errorText(e) })),
    );
  };

  const selectOptions = (current: string | null) => {
    const options = [
      ...keyIndustries.map((i) => ({ value: i.code, label: localName(i, lang) ?? i.code })),
      { value: NONE, label: '—', title: t('industryMapping.noneTitle') },
    ];
    // A class mapped (through the API) to an industry outside the key list still shows its value.
    if (current && !options.some((o) => o.value === current))
      options.unshift({ value: current, label: industryLabel(current) });
    return options;
  };

  const dash = <Typography.Text type="secondary">—</Typography.Text>;

  const columns: TableProps<IndustryClass>['columns'] = [
    {
      key: 'code',
      title: t('industryMapping.code'),
      width: 90,
      sorter: (a, b) => a.code.localeCompare(b.code),
      render: (_, c) => <Typography.Text style={{ fontFamily: 'monospace' }}>{c.code}</Typography.Text>,
    },
    {
      key: 'name',
      title: t('industryMapping.name'),
      render: (_, c) => localName(c, lang),
    },
    {
      key: 'division',
      title: t('industryMapping.division'),
      width: 300,
      render: (_, c) => {
        const code = divisionOf(c.code);
        const d = divisionByCode.get(code);
        return <Typography.Text type="secondary">{d ? classLabel(d) : code}</Typography.Text>;
      },
    },
    {
      key: 'keyIndustry',
      title: t('industryMapping.keyIndustry'),
      width: 190,
      render: (_, c) => {
        if (reference.isPending) return dash;
        const busy = saving.includes(c.code);
        return (
          <Select<string>
            size="small"
            value={c.keyIndustry ?? NONE}
            options={selectOptions(c.keyIndustry)}
            onChange={(v) => change(c, v === NONE ? null : v)}
            loading={busy}
            disabled={busy}
            aria-label={t('industryMapping.selectFor', { code: c.code, name: localName(c, lang) ?? '' })}
            data-testid={`key-industry-${c.code}`}
            style={{ width: 160 }}
            popupMatchSelectWidth={false}
          />
        );
      },
    },
  ];

  // Key industries first (in reference order, also when empty), then any other mapped industry.
  const countTags = [
    ...keyIndustries.map((i) => i.code),
    ...[...counts.byIndustry.keys()].filter((code) => !keyIndustries.some((i) => i.code === code)),
  ];

  const resetFilters = () => {
    setSearch('');
    update({ keyword: undefined, keyIndustry: undefined, division: undefined });
  };

  const loadError = classes.error ?? divisionList.error ?? reference.error;

  return (
    <ListPage<IndustryClass>
      title={t('industryMapping.title')}
      subtitle={t('industryMapping.intro')}
      filters={
        <Flex wrap gap={12} align="center">
          <Input
            allowClear
            prefix={<SearchOutlined />}
            value={search}
            placeholder={t('industryMapping.filters.keyword')}
            aria-label={t('industryMapping.filters.keyword')}
            data-testid="industry-keyword"
            maxLength={50}
            onChange={(e) => {
              setSearch(e.target.value);
              update({ keyword: e.target.value.trim() || undefined });
            }}
            style={{ width: 240 }}
          />
          <Select<string>
            allowClear
            value={keyIndustry}
            placeholder={t('industryMapping.filters.keyIndustry')}
            aria-label={t('industryMapping.filters.keyIndustryLabel')}
            data-testid="industry-key-filter"
            onChange={(v) => update({ keyIndustry: v })}
            options={[
              ...keyIndustries.map((i) => ({ value: i.code, label: localName(i, lang) ?? i.code })),
              { value: UNMAPPED, label: t('industryMapping.filters.unmapped') },
            ]}
            loading={reference.isPending}
            style={{ width: 170 }}
            popupMatchSelectWidth={false}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={division}
            placeholder={t('industryMapping.filters.division')}
            aria-label={t('industryMapping.filters.divisionLabel')}
            data-testid="industry-division-filter"
            onChange={(v) => update({ division: v })}
            options={divisions.map((d) => ({ value: d.code, label: classLabel(d) }))}
            loading={divisionList.isPending}
            style={{ width: 260 }}
            popupMatchSelectWidth={false}
          />
          {filtered && (
            <Button type="link" onClick={resetFilters}>
              {t('common.resetFilters')}
            </Button>
          )}
        </Flex>
      }
      error={loadError}
      onRetry={() => {
        if (classes.error) void classes.refetch();
        if (divisionList.error) void divisionList.refetch();
        if (reference.error) void reference.refetch();
      }}
      above={
        all.length > 0 && (
          <MappingCounts counts={counts} industries={countTags} industryLabel={industryLabel} />
        )
      }
      table={{
        'data-testid': 'industry-mapping-table',
        rowKey: 'code',
        columns,
        dataSource: rows,
        loading: classes.isPending && !classes.error,
        scroll: { x: 860 },
      }}
      empty={
        classes.error
          ? t('industryMapping.loadFailed')
          : classes.isPending
            ? t('common.loading')
            : filtered && all.length > 0
              ? t('industryMapping.emptyFiltered')
              : t('industryMapping.empty')
      }
      emptyAction={
        !classes.error &&
        filtered &&
        all.length > 0 && <Button onClick={resetFilters}>{t('common.resetFilters')}</Button>
      }
      paging={{
        page,
        pageSize,
        pageSizes: PAGE_SIZES,
        onChange: (p, size) => {
          setPage(size === pageSize ? p : 1);
          setPageSize(size);
        },
      }}
    />
  );
}
