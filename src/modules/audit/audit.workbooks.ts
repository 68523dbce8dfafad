/** The audit trail as a workbook (导出审计日志). */
import type { Readable } from 'node:stream';
import { beijingTime } from '../spreadsheets/core/cells';
import { streamWorkbook } from '../spreadsheets/xlsx-writer';
import type { AuditRecord } from './audit.schemas';
import { actionName, objectTypeName } from './core/actions';

export function auditWorkbook(batches: AsyncIterable<AuditRecord[]>): Readable {
  return streamWorkbook<AuditRecord>(
    {
      name: '审计日志',
      columns: [
        { header: '序号', value: (r) => r.id },
        { header: '时间（北京时间）', width: 22, value: (r) => beijingTime(r.at) },
        { header: '用户', value: (r) => r.username },
        { header: '姓名', value: (r) => r.actorName },
        { header: 'IP 地址', value: (r) => r.ip },
        { header: '操作', width: 22, value: (r) => actionName(r.action, 'zh') },
        { header: '操作代码', width: 22, value: (r) => r.action },
        { header: '对象类型', value: (r) => (r.objectType ? objectTypeName(r.objectType, 'zh') : null) },
        { header: '对象', width: 30, value: (r) => r.object?.name ?? r.objectId },
        { header: '对象代码', width: 22, value: (r) => r.object?.code ?? null },
        { header: '结果', value: (r) => (r.result === 'success' ? '成功' : '失败') },
        { header: '详情', width: 60, value: (r) => (r.detail ? JSON.stringify(r.detail) : '') },
      ],
    },
    batches,
  );
}
