// The industrial-chain map (产业链图谱 / 招商图): industries and map versions, the rated map and a
// node's details, drafts, import, publishing, placements by hand, investment targets, the roadmap,
// and chain leaders' partner links.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, downloadUrl, upload } from './client';
import type {
  ChainView,
  DraftWrite,
  ImportResult,
  IndustryList,
  MapDetail,
  MapHeader,
  MapVersions,
  NodeDetail,
  NodeView,
  Partner,
  PartnerWrite,
  Placement,
  PlacementWrite,
  Roadmap,
  Target,
  TargetList,
  TargetQuery,
  TargetUpdate,
  TargetWrite,
} from '../../modules/chain-map/chain-map.schemas';

export type { ChainView, DraftWrite, MapDetail, MapHeader, NodeDetail, NodeView, Partner, Roadmap, Target };
export type { ChainNode, NodeWrite, PlacedEnterprise } from '../../modules/chain-map/chain-map.schemas';
export {
  DEFAULT_SUPPLIER_MIN,
  DEFAULT_WEAK_SHARE,
  RATINGS,
  RELATIONS,
  SEGMENTS,
  TARGET_STATUSES,
  type Rating,
  type Relation,
  type Segment,
  type TargetStatus,
} from '../../modules/chain-map/core/codes';

const KEY = 'chain-map';

export function useChainIndustries() {
  return useQuery({
    queryKey: [KEY, 'industries'],
    queryFn: ({ signal }) => api<IndustryList>('/chain-map/industries', { signal }),
    select: (d) => d.items,
  });
}

export function useChainView(industry: string | undefined, platformId: number | undefined) {
  return useQuery({
    queryKey: [KEY, 'view', industry, platformId],
    queryFn: ({ signal }) => api<ChainView>('/chain-map/view', { query: { industry, platformId }, signal }),
    enabled: Boolean(industry),
  });
}

export function useChainNode(
  industry: string | undefined,
  node: string | null,
  platformId: number | undefined,
) {
  return useQuery({
    queryKey: [KEY, 'node', industry, node, platformId],
    queryFn: ({ signal }) =>
      api<NodeDetail>('/chain-map/node', { query: { industry, node, platformId }, signal }),
    enabled: Boolean(industry && node),
  });
}

export function useMapVersions(industry: string | undefined) {
  return useQuery({
    queryKey: [KEY, 'versions', industry],
    queryFn: ({ signal }) => api<MapVersions>('/chain-map/maps', { query: { industry }, signal }),
    select: (d) => d.items,
    enabled: Boolean(industry),
  });
}

export function useMapDetail(id: number | null | undefined) {
  return useQuery({
    queryKey: [KEY, 'map', id],
    queryFn: ({ signal }) => api<MapDetail>(`/chain-map/maps/${id}`, { signal }),
    enabled: typeof id === 'number',
  });
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: [KEY] });
}

export function useSaveDraft() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: DraftWrite) => api<MapDetail>('/chain-map/draft', { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function usePublishMap() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => api<MapHeader>(`/chain-map/maps/${id}/publish`, { method: 'POST' }),
    onSuccess: invalidate,
  });
}

export function useImportMap(industry: string | undefined) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (file: File) =>
      upload<ImportResult>('/chain-map/import', file, file.name, { query: { industry } }),
    onSuccess: invalidate,
  });
}

export const mapWorkbookUrl = (id: number) => downloadUrl(`/chain-map/maps/${id}/workbook`);

export function usePlace() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PlacementWrite) => api<Placement>('/chain-map/placements', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUnplace() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/chain-map/placements/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useTargets(query: TargetQuery) {
  return useQuery({
    queryKey: [KEY, 'targets', query],
    queryFn: ({ signal }) => api<TargetList>('/chain-map/targets', { query: { ...query }, signal }),
    select: (d) => d.items,
  });
}

export function useSaveTarget() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: TargetWrite | TargetUpdate }) =>
      id === null
        ? api<Target>('/chain-map/targets', { method: 'POST', body })
        : api<Target>(`/chain-map/targets/${id}`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

export function useRoadmap(platformId: number | undefined, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'roadmap', platformId],
    queryFn: ({ signal }) => api<Roadmap>('/chain-map/roadmap', { query: { platformId }, signal }),
    enabled,
  });
}

export const roadmapWorkbookUrl = (platformId: number | undefined) =>
  downloadUrl('/chain-map/roadmap/workbook', { platformId });

export function useAddPartner() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: PartnerWrite) => api<Partner>('/chain-map/partners', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useRemovePartner() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => api<void>(`/chain-map/partners/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
