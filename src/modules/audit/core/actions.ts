/**
 * The catalogue of audited actions and objects: every action code the system writes to the trail,
 * with the module it belongs to and its Chinese and English names. Pure.
 *
 * `AuditEntry.action` is typed by this catalogue, so a writer with a code missing here does not
 * compile; `actions.test.ts` also scans the source for every code written.
 */

/** The modules the actions are grouped by (the filter's groups), in display order. */
export const AUDIT_MODULES = {
  auth: { zh: '登录与会话', en: 'Sign-in and sessions' },
  user: { zh: '用户管理', en: 'User management' },
  platform: { zh: '园区', en: 'Platforms' },
  enterprise: { zh: '企业', en: 'Enterprises' },
  import: { zh: '数据导入', en: 'Data import' },
  industry: { zh: '行业分类', en: 'Industry classes' },
  evaluation: { zh: '亩均评价', en: 'Per-mu evaluation' },
  plan: { zh: '规划目标', en: 'Plan targets' },
  platform_stat: { zh: '统计上报', en: 'Platform statistics' },
  quota: { zh: '平台评价与要素配额', en: 'Platform evaluation and quotas' },
  chain_leader: { zh: '链主企业', en: 'Chain leaders' },
  calendar: { zh: '工作日历', en: 'Working-day calendar' },
  service: { zh: '企业服务', en: 'Enterprise services' },
  request: { zh: '企业诉求', en: 'Enterprise requests' },
  task: { zh: '任务与会议', en: 'Tasks and meetings' },
  project: { zh: '招商项目', en: 'Investment projects' },
  chain_map: { zh: '产业链图谱', en: 'Chain map' },
  personal_info: { zh: '个人信息保护', en: 'Personal information' },
  audit: { zh: '审计日志', en: 'Audit log' },
  system: { zh: '系统运维', en: 'System operations' },
  access: { zh: '下载与访问控制', en: 'Downloads and access control' },
} as const satisfies Record<string, { zh: string; en: string }>;
export type AuditModule = keyof typeof AUDIT_MODULES;

interface ActionName {
  module: AuditModule;
  zh: string;
  en: string;
}

export const AUDIT_ACTIONS = {
  'auth.login': { module: 'auth', zh: '登录', en: 'Sign in' },
  'auth.logout': { module: 'auth', zh: '退出登录', en: 'Sign out' },
  'auth.mfa': { module: 'auth', zh: '双因素验证', en: 'Two-factor check' },
  'auth.mfa_enrol_start': { module: 'auth', zh: '开始绑定双因素认证', en: 'Start two-factor enrolment' },
  'auth.mfa_enrol': { module: 'auth', zh: '绑定双因素认证', en: 'Enrol two-factor authentication' },
  'auth.password_change': { module: 'auth', zh: '修改本人密码', en: 'Change own password' },
  'auth.sessions_purge': { module: 'auth', zh: '清理过期会话', en: 'Purge expired sessions' },

  'user.create': { module: 'user', zh: '新建用户', en: 'Create account' },
  'user.update': { module: 'user', zh: '修改用户', en: 'Edit account' },
  'user.role_change': { module: 'user', zh: '变更角色或数据范围', en: 'Change role or scope' },
  'user.disable': { module: 'user', zh: '停用用户', en: 'Disable account' },
  'user.enable': { module: 'user', zh: '启用用户', en: 'Enable account' },
  'user.disable_dormant': { module: 'user', zh: '停用长期未登录用户', en: 'Disable dormant account' },
  'user.unlock': { module: 'user', zh: '解锁用户', en: 'Unlock account' },
  'user.password_reset': { module: 'user', zh: '重置用户密码', en: 'Reset password' },
  'user.mfa_reset': { module: 'user', zh: '重置双因素认证', en: 'Reset two-factor authentication' },
  'user.export': { module: 'user', zh: '导出用户清单', en: 'Export accounts' },

  'platform.create': { module: 'platform', zh: '新建园区', en: 'Create platform' },
  'platform.update': { module: 'platform', zh: '修改园区', en: 'Edit platform' },
  'platform.archive': { module: 'platform', zh: '归档园区', en: 'Archive platform' },
  'platform.restore': { module: 'platform', zh: '恢复园区', en: 'Restore platform' },
  'platform.export': { module: 'platform', zh: '导出园区清单', en: 'Export platforms' },

  'enterprise.create': { module: 'enterprise', zh: '新建企业', en: 'Create enterprise' },
  'enterprise.update': { module: 'enterprise', zh: '修改企业信息', en: 'Edit enterprise' },
  'enterprise.move': {
    module: 'enterprise',
    zh: '迁移企业所属园区',
    en: 'Move enterprise to another platform',
  },
  'enterprise.year_update': { module: 'enterprise', zh: '修改年度数据', en: 'Edit yearly figures' },
  'enterprise.year_confirm': { module: 'enterprise', zh: '确认年度数据', en: 'Confirm yearly figures' },
  'enterprise.year_flag': { module: 'enterprise', zh: '反馈年度数据有误', en: 'Report wrong yearly figures' },
  'enterprise.year_flag_resolve': {
    module: 'enterprise',
    zh: '处理年度数据反馈',
    en: 'Resolve a flagged yearly figure',
  },
  'enterprise.export': { module: 'enterprise', zh: '导出企业名录', en: 'Export enterprise register' },
  'enterprise_year.export': { module: 'enterprise', zh: '导出年度数据', en: 'Export yearly figures' },
  'contact.reveal': { module: 'enterprise', zh: '查看联系人完整电话', en: 'Reveal contact phone number' },

  'import.enterprises': { module: 'import', zh: '导入企业名录', en: 'Import enterprise register' },
  'import.annual': { module: 'import', zh: '导入年度数据', en: 'Import yearly figures' },
  'import.upload': { module: 'import', zh: '上传导入文件', en: 'Upload an import file' },

  'industry.mapping_change': {
    module: 'industry',
    zh: '修改行业与重点产业映射',
    en: 'Change industry-to-key-industry mapping',
  },

  'evaluation.method.create': {
    module: 'evaluation',
    zh: '保存评价方法版本',
    en: 'Save evaluation method version',
  },
  'evaluation.run': { module: 'evaluation', zh: '运行年度评价', en: 'Run yearly evaluation' },
  'evaluation.notice': { module: 'evaluation', zh: '开始公示', en: 'Start public notice' },
  'evaluation.publish': { module: 'evaluation', zh: '发布评价结果', en: 'Publish evaluation results' },
  'evaluation.discard': { module: 'evaluation', zh: '废弃评价批次', en: 'Discard evaluation run' },
  'evaluation.objection.file': { module: 'evaluation', zh: '提出异议', en: 'File objection' },
  'evaluation.objection.accept': { module: 'evaluation', zh: '采纳异议', en: 'Accept objection' },
  'evaluation.objection.reject': { module: 'evaluation', zh: '驳回异议', en: 'Reject objection' },

  'plan.period.create': { module: 'plan', zh: '新建规划期', en: 'Create plan period' },
  'plan.period.delete': { module: 'plan', zh: '删除规划期', en: 'Delete plan period' },
  'plan.target.create': { module: 'plan', zh: '新建规划目标', en: 'Create plan target' },
  'plan.target.update': { module: 'plan', zh: '修改规划目标', en: 'Edit plan target' },
  'plan.target.delete': { module: 'plan', zh: '删除规划目标', en: 'Delete plan target' },

  'platform_stat.set': { module: 'platform_stat', zh: '填报园区统计数', en: 'Report platform figure' },
  'platform_stat.clear': { module: 'platform_stat', zh: '清除园区统计数', en: 'Clear platform figure' },
  'platform_stat.import': { module: 'platform_stat', zh: '导入园区统计数', en: 'Import platform figures' },

  'quota.pool.save': { module: 'quota', zh: '保存要素配额总量', en: 'Save quota pool' },
  'quota.allocation.confirm': { module: 'quota', zh: '确认要素配额分配', en: 'Confirm quota allocation' },

  'chain_leader.confirm': { module: 'chain_leader', zh: '认定链主企业', en: 'Confirm chain leader' },
  'chain_leader.decline': { module: 'chain_leader', zh: '不予认定链主企业', en: 'Decline chain leader' },
  'chain_leader.export': { module: 'chain_leader', zh: '导出链主企业名单', en: 'Export chain leaders' },

  'calendar.year_save': {
    module: 'calendar',
    zh: '保存年度节假日安排',
    en: 'Save a year’s holiday schedule',
  },
  'calendar.day_save': {
    module: 'calendar',
    zh: '新增或修改节假日/调休日',
    en: 'Add or edit a holiday or make-up day',
  },
  'calendar.day_delete': {
    module: 'calendar',
    zh: '删除节假日/调休日',
    en: 'Delete a holiday or make-up day',
  },
  'commissioner.assign': { module: 'service', zh: '分配服务专员', en: 'Assign commissioner' },
  'commissioner.unassign': { module: 'service', zh: '解除服务专员', en: 'Unassign commissioner' },
  'commissioner.bulk_assign': { module: 'service', zh: '批量分配服务专员', en: 'Bulk-assign commissioner' },
  'commissioner.import': { module: 'service', zh: '导入服务专员分配', en: 'Import commissioner assignments' },
  'visit.create': { module: 'service', zh: '登记走访', en: 'Record visit' },
  'visit.update': { module: 'service', zh: '修改走访', en: 'Edit visit' },
  'visit.seed': { module: 'service', zh: '生成演示走访', en: 'Generate demo visits' },
  'visit.problem_to_request': {
    module: 'service',
    zh: '走访问题转为诉求',
    en: 'Turn visit problem into request',
  },
  'request.create': { module: 'request', zh: '提出企业诉求', en: 'Raise request' },
  'request.accept': { module: 'request', zh: '受理企业诉求', en: 'Accept request' },
  'request.assign': { module: 'request', zh: '交办企业诉求', en: 'Assign request' },
  'request.transfer': { module: 'request', zh: '转办企业诉求', en: 'Transfer request' },
  'request.start': { module: 'request', zh: '开始处置企业诉求', en: 'Start handling request' },
  'request.answer': { module: 'request', zh: '反馈企业诉求', en: 'Answer request' },
  'request.close': { module: 'request', zh: '办结企业诉求', en: 'Close request' },
  'request.rate': { module: 'request', zh: '评价企业诉求', en: 'Rate request' },
  'request.suspend': { module: 'request', zh: '挂起企业诉求', en: 'Suspend request' },
  'request.resume': { module: 'request', zh: '恢复企业诉求', en: 'Resume request' },
  'request.seed': { module: 'request', zh: '生成演示诉求', en: 'Generate demo requests' },
  'request.escalate': { module: 'request', zh: '督办逾期诉求', en: 'Escalate overdue request' },
  'request.attach': { module: 'request', zh: '上传诉求附件', en: 'Attach file to request' },
  'request.category_update': { module: 'request', zh: '修改诉求类别与时限', en: 'Edit request category' },
  'department.create': { module: 'request', zh: '新增成员部门', en: 'Add department' },
  'department.update': { module: 'request', zh: '修改成员部门', en: 'Edit department' },
  'webhook.create': { module: 'request', zh: '新增消息推送机器人', en: 'Add webhook' },
  'webhook.update': { module: 'request', zh: '修改消息推送机器人', en: 'Edit webhook' },
  'webhook.delete': { module: 'request', zh: '删除消息推送机器人', en: 'Delete webhook' },
  'webhook.retry': { module: 'request', zh: '重试消息推送', en: 'Retry webhook delivery' },
  'notification.read': { module: 'request', zh: '标记消息已读', en: 'Mark notification read' },
  'notification.read_all': { module: 'request', zh: '全部消息标为已读', en: 'Mark all notifications read' },

  'meeting.create': { module: 'task', zh: '记录专题会议', en: 'Record meeting' },
  'meeting.update': { module: 'task', zh: '修改专题会议', en: 'Edit meeting' },
  'task.create': { module: 'task', zh: '新建工作任务', en: 'Create task' },
  'task.report': { module: 'task', zh: '报送任务进展', en: 'Report task progress' },
  'task.milestone': { module: 'task', zh: '完成任务节点', en: 'Complete milestone' },
  'task.complete': { module: 'task', zh: '完成工作任务', en: 'Complete task' },
  'task.review': { module: 'task', zh: '审核工作任务', en: 'Review task' },
  'task.return': { module: 'task', zh: '退回工作任务', en: 'Return task' },
  'task.supervise': { module: 'task', zh: '督办提醒', en: 'Supervision reminder' },
  'task.escalate': { module: 'task', zh: '督办逾期任务', en: 'Supervise overdue task' },
  'chain_map.draft': { module: 'chain_map', zh: '编辑产业链图谱草稿', en: 'Edit chain map draft' },
  'chain_map.import': { module: 'chain_map', zh: '导入产业链图谱', en: 'Import chain map' },
  'chain_map.publish': { module: 'chain_map', zh: '发布产业链图谱', en: 'Publish chain map' },
  'chain_map.export': { module: 'chain_map', zh: '导出产业链图谱', en: 'Export chain map' },
  'chain_map.place': { module: 'chain_map', zh: '调整企业挂接节点', en: 'Place enterprise on node' },
  'chain_map.unplace': { module: 'chain_map', zh: '撤销企业挂接调整', en: 'Remove placement' },
  'chain_target.create': { module: 'chain_map', zh: '新增招商目标', en: 'Add investment target' },
  'chain_target.update': { module: 'chain_map', zh: '修改招商目标', en: 'Edit investment target' },
  'chain_target.export': { module: 'chain_map', zh: '导出招商路线图', en: 'Export investment roadmap' },
  'chain_partner.link': { module: 'chain_map', zh: '关联链主配套企业', en: 'Link chain leader partner' },
  'chain_partner.unlink': { module: 'chain_map', zh: '解除链主配套关系', en: 'Unlink chain leader partner' },
  'leader_platform.create': { module: 'task', zh: '新增市领导联系平台', en: 'Pair leader with platform' },
  'leader_platform.end': { module: 'task', zh: '结束市领导联系平台', en: 'End leader pairing' },

  'project.create': { module: 'project', zh: '新增招商项目', en: 'Add project' },
  'project.update': { module: 'project', zh: '修改招商项目', en: 'Edit project' },
  'project.stage_submit': { module: 'project', zh: '提交项目阶段变更', en: 'Submit stage change' },
  'project.stage_approve': { module: 'project', zh: '审核通过项目阶段变更', en: 'Approve stage change' },
  'project.stage_reject': { module: 'project', zh: '退回项目阶段变更', en: 'Reject stage change' },
  'project.stall_rules_update': { module: 'project', zh: '修改项目停滞规则', en: 'Edit stall rules' },
  'project.stall_notify': { module: 'project', zh: '发送项目停滞预警', en: 'Send stall warning' },
  'project.import': { module: 'project', zh: '导入招商项目', en: 'Import projects' },
  'project.contact_add': { module: 'project', zh: '新增项目联系人', en: 'Add project contact' },
  'project.contact_delete': { module: 'project', zh: '删除项目联系人', en: 'Delete project contact' },
  'project.contact_reveal': {
    module: 'project',
    zh: '查看项目联系人完整电话',
    en: 'Reveal project contact phone',
  },
  'project.document_upload': { module: 'project', zh: '上传项目文件', en: 'Upload project document' },
  'project.document_delete': { module: 'project', zh: '删除项目文件', en: 'Delete project document' },
  'project.seed': { module: 'project', zh: '生成演示招商项目', en: 'Generate demo projects' },

  'personal_info.seal_legacy': {
    module: 'personal_info',
    zh: '加密存量个人信息',
    en: 'Encrypt legacy personal data',
  },
  'personal_info.rotate_start': {
    module: 'personal_info',
    zh: '开始更换个人信息密钥',
    en: 'Start personal-data key rotation',
  },
  'personal_info.rotate': { module: 'personal_info', zh: '更换个人信息密钥', en: 'Rotate personal-data key' },

  'audit.export': { module: 'audit', zh: '导出审计日志', en: 'Export audit log' },
  'audit.verify': { module: 'audit', zh: '校验审计日志完整性', en: 'Verify audit log integrity' },
  'audit.archive': { module: 'audit', zh: '归档审计日志', en: 'Archive audit log' },
  'audit.purge': { module: 'audit', zh: '清除已归档审计日志', en: 'Purge archived audit rows' },

  'db.backup': { module: 'system', zh: '备份数据库', en: 'Back up database' },
  'db.restore': { module: 'system', zh: '恢复数据库', en: 'Restore database' },
  'demo.generate': { module: 'system', zh: '生成演示数据', en: 'Generate demo city' },

  'data.export': { module: 'access', zh: '下载文件', en: 'Download file' },
  'access.denied': { module: 'access', zh: '拒绝访问', en: 'Access denied' },
} as const satisfies Record<string, ActionName>;

/** Every action code the system writes to the audit trail. */
export type AuditAction = keyof typeof AUDIT_ACTIONS;
export const AUDIT_ACTION_CODES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export const isAuditAction = (code: string): code is AuditAction => Object.hasOwn(AUDIT_ACTIONS, code);

/** What an audit row's object is: the kinds of record the actions touch, with their names. */
export const AUDIT_OBJECT_TYPES = {
  user: { zh: '用户', en: 'Account' },
  platform: { zh: '园区', en: 'Platform' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  enterprise_year: { zh: '企业年度数据', en: 'Yearly figures' },
  enterprise_contact: { zh: '企业联系人', en: 'Enterprise contact' },
  enterprise_contacts: { zh: '企业联系人信息', en: 'Enterprise contacts' },
  user_mfa_secrets: { zh: '动态口令密钥', en: 'Authenticator secrets' },
  import: { zh: '导入批次', en: 'Import' },
  industry_class: { zh: '行业分类', en: 'Industry class' },
  evaluation_method: { zh: '评价方法', en: 'Evaluation method' },
  evaluation_run: { zh: '评价批次', en: 'Evaluation run' },
  evaluation_objection: { zh: '评价异议', en: 'Objection' },
  plan_period: { zh: '规划期', en: 'Plan period' },
  plan_target: { zh: '规划目标', en: 'Plan target' },
  platform_year_stat: { zh: '园区年度统计数', en: 'Platform yearly figure' },
  quota_pool: { zh: '要素配额', en: 'Quota pool' },
  chain_leader: { zh: '链主企业', en: 'Chain leaders' },
  calendar_year: { zh: '工作日历年度', en: 'Calendar year' },
  calendar_day: { zh: '工作日历日期', en: 'Calendar day' },
  commissioner_assignment: { zh: '服务专员分配', en: 'Commissioner assignment' },
  visit: { zh: '走访', en: 'Visit' },
  request: { zh: '企业诉求', en: 'Enterprise request' },
  request_category: { zh: '诉求类别', en: 'Request category' },
  department: { zh: '成员部门', en: 'Department' },
  meeting: { zh: '专题会议', en: 'Meeting' },
  task: { zh: '工作任务', en: 'Task' },
  chain_map: { zh: '产业链图谱', en: 'Chain map' },
  chain_placement: { zh: '企业挂接', en: 'Chain placement' },
  chain_target: { zh: '招商目标', en: 'Investment target' },
  chain_partner: { zh: '链主配套关系', en: 'Chain leader partner' },
  leader_platform: { zh: '市领导联系平台', en: 'Leader–platform pairing' },
  project: { zh: '招商项目', en: 'Investment project' },
  project_stage_change: { zh: '项目阶段变更', en: 'Project stage change' },
  project_stall_rules: { zh: '项目停滞规则', en: 'Project stall rules' },
  project_contact: { zh: '项目联系人', en: 'Project contact' },
  project_document: { zh: '项目文件', en: 'Project document' },
  webhook: { zh: '消息推送机器人', en: 'Webhook' },
  notification: { zh: '消息', en: 'Notification' },
  webhook_delivery: { zh: '消息推送记录', en: 'Webhook delivery' },
  audit_archive: { zh: '审计日志归档', en: 'Audit archive' },
  demo_city: { zh: '演示数据', en: 'Demo city' },
  route: { zh: '接口', en: 'API route' },
} as const satisfies Record<string, { zh: string; en: string }>;
export type AuditObjectType = keyof typeof AUDIT_OBJECT_TYPES;

export const isAuditObjectType = (code: string): code is AuditObjectType =>
  Object.hasOwn(AUDIT_OBJECT_TYPES, code);

/**
 * An action's name in the language asked for; a code the catalogue does not know (a row written
 * by an older version) is shown as it is.
 */
export function actionName(code: string, lang: 'zh' | 'en'): string {
  return isAuditAction(code) ? AUDIT_ACTIONS[code][lang] : code;
}

export function objectTypeName(code: string, lang: 'zh' | 'en'): string {
  return isAuditObjectType(code) ? AUDIT_OBJECT_TYPES[code][lang] : code;
}

/** The actions grouped by module, in catalogue order: what the filter offers. */
export function actionsByModule(): { module: AuditModule; actions: AuditAction[] }[] {
  return (Object.keys(AUDIT_MODULES) as AuditModule[])
    .map((module) => ({
      module,
      actions: AUDIT_ACTION_CODES.filter((a) => AUDIT_ACTIONS[a].module === module),
    }))
    .filter((g) => g.actions.length > 0);
}
