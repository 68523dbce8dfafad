/** The account list as a workbook (导出用户列表). */
import type { Readable } from 'node:stream';
import { ROLE_NAMES } from '../auth/core/access';
import { beijingTime } from '../spreadsheets/core/cells';
import { once, streamWorkbook } from '../spreadsheets/xlsx-writer';
import type { User } from './users.schemas';

export function userListWorkbook(items: User[]): Readable {
  return streamWorkbook<User>(
    {
      name: '用户列表',
      columns: [
        { header: '用户名', value: (u) => u.username },
        { header: '姓名', value: (u) => u.displayName },
        { header: '角色', width: 18, value: (u) => ROLE_NAMES[u.role].zh },
        { header: '园区 ID', value: (u) => u.platformId },
        { header: '企业 ID', value: (u) => u.enterpriseId },
        { header: '状态', value: (u) => (u.disabled ? '已停用' : u.lockedUntil ? '已锁定' : '正常') },
        { header: '须修改密码', value: (u) => (u.mustChangePassword ? '是' : '否') },
        { header: '最近登录（北京时间）', width: 22, value: (u) => beijingTime(u.lastLoginAt) },
        { header: '创建时间（北京时间）', width: 22, value: (u) => beijingTime(u.createdAt) },
      ],
    },
    once(items),
  );
}
