/** The one error catalogue: every error the API returns, with its status and both languages. */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '输入有误，请检查标出的字段', en: 'Some fields are invalid' },
  BAD_REQUEST: { status: 400, zh: '请求无效', en: 'Bad request' },
  NUL_CHARACTER: {
    status: 400,
    zh: '输入含有不允许的空字符（\\0），请删除后重试',
    en: 'The input contains a NUL character (\\0), which is not allowed; remove it and try again',
  },
  UNAUTHENTICATED: {
    status: 401,
    zh: '请先登录（会话不存在或已过期）',
    en: 'Please log in (no session, or it expired)',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    zh: '用户名或密码错误；连续失败多次后账户将被临时锁定',
    en: 'Wrong username or password; repeated failures lock the account for a while',
  },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  CSRF_REJECTED: {
    status: 403,
    zh: '请求缺少有效的防伪令牌，请刷新页面后重试',
    en: 'Missing or invalid CSRF token; reload the page and try again',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    zh: '请先修改密码（首次登录或密码已过期）',
    en: 'You must change your password first (first login or expired password)',
  },
  ONE_TIME_PASSWORD_INVALID: {
    status: 401,
    zh: '一次性密码已使用或已过期，请联系安全管理员重新重置',
    en: 'The one-time password was already used or has expired; ask the security administrator for a new one',
  },
  MFA_REQUIRED: {
    status: 401,
    zh: '请输入身份验证器中的动态验证码',
    en: 'Enter the code from your authenticator app',
  },
  MFA_CODE_INVALID: {
    status: 401,
    zh: '验证码错误或已使用；连续失败多次后账户将被临时锁定',
    en: 'Wrong or already used code; repeated failures lock the account for a while',
  },
  MFA_ENROLMENT_REQUIRED: {
    status: 403,
    zh: '请先设置双因素认证（身份验证器）',
    en: 'Set up two-factor authentication (authenticator app) first',
  },
  MFA_ALREADY_ENABLED: {
    status: 409,
    zh: '双因素认证已启用；如需更换请联系安全管理员重置',
    en: 'Two-factor authentication is already on; ask the security administrator to reset it',
  },
  MFA_NOT_STARTED: {
    status: 409,
    zh: '请先开始设置双因素认证',
    en: 'Start the two-factor set-up first',
  },
  NOT_FOUND: { status: 404, zh: '资源不存在', en: 'Not found' },
  PLATFORM_NOT_FOUND: { status: 404, zh: '园区不存在', en: 'Platform not found' },
  USER_NOT_FOUND: { status: 404, zh: '用户不存在', en: 'User not found' },
  ENTERPRISE_NOT_FOUND: { status: 404, zh: '企业不存在', en: 'Enterprise not found' },
  COMMISSIONER_NOT_FOUND: {
    status: 404,
    zh: '服务专员不存在或不可分配',
    en: 'No such commissioner, or not one you may assign',
  },
  VISIT_NOT_FOUND: { status: 404, zh: '走访记录不存在', en: 'Visit not found' },
  ASSIGNMENT_IMPORT_INVALID: {
    status: 400,
    zh: '导入文件有误，未作任何分配，请按提示修改后重新导入',
    en: 'The file has problems; nothing was assigned. Fix the rows named and import it again',
  },
  CONTACT_NOT_FOUND: { status: 404, zh: '联系人不存在', en: 'Contact not found' },
  YEAR_NOT_FOUND: { status: 404, zh: '该年度没有数据', en: 'No data for that year' },
  YEAR_FLAG_NOT_FOUND: { status: 404, zh: '数据反馈不存在', en: 'Flagged figure not found' },
  YEAR_FLAG_RESOLVED: {
    status: 409,
    zh: '该数据反馈已处理，请刷新后查看',
    en: 'This flagged figure was already resolved; reload to see how',
  },
  INDUSTRY_CLASS_NOT_FOUND: { status: 404, zh: '行业代码不存在', en: 'Industry class not found' },
  IMPORT_NOT_FOUND: { status: 404, zh: '导入任务不存在', en: 'Import not found' },
  IMPORT_NOT_READY: {
    status: 409,
    zh: '该导入尚未通过校验，不能确认',
    en: 'This import has not passed validation',
  },
  IMPORT_BUSY: {
    status: 409,
    zh: '您已有一个导入正在校验或写入，每人同一时间只能进行一个导入；请等它结束后再试',
    en: 'You already have an import being validated or written: one import at a time per user; try again when it has finished',
  },
  METHOD_NOT_FOUND: { status: 404, zh: '评价方法不存在', en: 'Evaluation method not found' },
  METHOD_INVALID: {
    status: 400,
    zh: '评价方法有误，请检查标出的项',
    en: 'The evaluation method has problems',
  },
  METHOD_WRONG_SUBJECT: {
    status: 400,
    zh: '该方法评价的对象不对：亩均评价用企业方法，平台评价用平台方法',
    en: 'This method evaluates other subjects: per-mu runs take enterprise methods, platform evaluation platform methods',
  },
  PERIOD_NOT_FOUND: { status: 404, zh: '规划期不存在', en: 'Plan period not found' },
  PERIOD_EXISTS: { status: 409, zh: '该规划期已存在', en: 'This plan period already exists' },
  PERIOD_LAST: {
    status: 409,
    zh: '至少要保留一个规划期',
    en: 'At least one plan period must remain',
  },
  TARGET_NOT_FOUND: { status: 404, zh: '规划目标不存在', en: 'Plan target not found' },
  TARGET_CODE_EXISTS: {
    status: 409,
    zh: '本规划期已有该编号的目标',
    en: 'The period already has a target with this code',
  },
  CHAIN_NOT_CANDIDATE: {
    status: 400,
    zh: '该企业当年产值未达 20 亿元，不是链主候选企业',
    en: 'The enterprise’s output in that year is below 2 bn CNY: not a chain-leader candidate',
  },
  CALENDAR_DAY_INVALID: {
    status: 400,
    zh: '工作日历条目有误，请检查标出的日期',
    en: 'A working-calendar entry is invalid; check the dates marked',
  },
  CALENDAR_YEAR_NOT_ENTERED: {
    status: 409,
    zh: '该年度的节假日安排尚未录入：请先填写国务院通知名称，再添加日期',
    en: 'That year’s holiday schedule has not been entered: give the State Council notice first, then add days',
  },
  CALENDAR_DAY_NOT_FOUND: {
    status: 404,
    zh: '工作日历中没有该日期',
    en: 'That date is not in the working calendar',
  },
  STAT_INVALID: { status: 400, zh: '上报数据有误', en: 'The reported figure is invalid' },
  QUOTA_POOL_INVALID: { status: 400, zh: '指标池设置有误', en: 'The quota pool settings are invalid' },
  QUOTA_POOL_NOT_SAVED: {
    status: 409,
    zh: '该年度的指标池尚未设置（当前为默认值）：请先保存指标池，再确认分配',
    en: 'The quota pool of this year has not been saved (defaults shown): save the pool before confirming the allocation',
  },
  RUN_NOT_FOUND: { status: 404, zh: '评价批次不存在', en: 'Evaluation run not found' },
  RESULT_NOT_FOUND: {
    status: 404,
    zh: '没有该企业的评价结果',
    en: 'No evaluation result for this enterprise',
  },
  OBJECTION_NOT_FOUND: { status: 404, zh: '异议不存在', en: 'Objection not found' },
  RUN_WRONG_STATUS: {
    status: 409,
    zh: '评价批次当前状态不允许此操作',
    en: 'The evaluation run is not in a state that allows this',
  },
  NO_EVALUATION_DATA: {
    status: 409,
    zh: '该年度没有可评价的企业数据',
    en: 'There are no enterprise figures to evaluate for that year',
  },
  DECISION_REASON_REQUIRED: {
    status: 400,
    zh: '请填写决定理由（至少 2 个字）',
    en: 'Give a reason for the decision (at least 2 characters)',
  },
  REASON_REQUIRED: {
    status: 400,
    zh: '该年度已有公示或发布的结果，更正需要填写原因',
    en: 'That year already has a noticed or published result: a correction needs a reason',
  },
  OBJECTIONS_PENDING: {
    status: 409,
    zh: '还有未处理的异议，处理后才能发布',
    en: 'Objections are still pending: decide them before publishing',
  },
  NOTICE_NOT_OVER: {
    status: 409,
    zh: '公示期未满，提前结束公示需填写原因',
    en: 'The public notice has not ended: ending it early needs a reason',
  },
  OBJECTION_EXISTS: {
    status: 409,
    zh: '已有一条待处理的异议',
    en: 'An objection is already pending',
  },
  REQUEST_NOT_FOUND: { status: 404, zh: '诉求不存在', en: 'Request not found' },
  DEPARTMENT_NOT_FOUND: { status: 404, zh: '部门不存在', en: 'Department not found' },
  NOTIFICATION_NOT_FOUND: { status: 404, zh: '消息不存在', en: 'Notification not found' },
  WEBHOOK_NOT_FOUND: { status: 404, zh: '机器人配置不存在', en: 'Webhook not found' },
  DELIVERY_NOT_FOUND: { status: 404, zh: '推送记录不存在', en: 'Delivery not found' },
  DELIVERY_ALREADY_SENT: {
    status: 409,
    zh: '该消息已推送成功，无需重试',
    en: 'This message was already delivered',
  },
  WEBHOOK_KEY_MISSING: {
    status: 500,
    zh: '未配置加密密钥，无法保存签名密钥',
    en: 'No encryption key is configured, so the signing secret cannot be stored',
  },
  REQUEST_CATEGORY_NOT_FOUND: { status: 404, zh: '诉求类别不存在', en: 'Request category not found' },
  ATTACHMENT_NOT_FOUND: { status: 404, zh: '附件不存在', en: 'Attachment not found' },
  VISIT_PROBLEM_NOT_FOUND: { status: 404, zh: '走访发现的问题不存在', en: 'Visit problem not found' },
  VISIT_PROBLEM_ALREADY_RAISED: {
    status: 409,
    zh: '该问题已转为诉求，不能重复转办',
    en: 'This problem has already been turned into a request',
  },
  REQUEST_STEP_REFUSED: {
    status: 409,
    zh: '诉求当前状态不允许此操作，请刷新后查看',
    en: 'The request’s current state does not allow this step; reload it',
  },
  TASK_NOT_FOUND: { status: 404, zh: '任务不存在', en: 'Task not found' },
  MEETING_NOT_FOUND: { status: 404, zh: '会议不存在', en: 'Meeting not found' },
  TASK_STEP_REFUSED: {
    status: 409,
    zh: '任务当前状态不允许此操作',
    en: 'The task’s current state does not allow this step',
  },
  PAIRING_NOT_FOUND: { status: 404, zh: '联系关系不存在', en: 'Pairing not found' },
  INDUSTRY_NOT_FOUND: { status: 404, zh: '重点产业不存在', en: 'Key industry not found' },
  CHAIN_MAP_NOT_FOUND: { status: 404, zh: '产业链图谱不存在', en: 'Chain map not found' },
  CHAIN_NODE_NOT_FOUND: {
    status: 404,
    zh: '产业链节点不存在（不在当前版本的图谱中）',
    en: 'Chain node not found (not in the current map)',
  },
  CHAIN_MAP_NOT_DRAFT: {
    status: 409,
    zh: '只能发布草稿版本的图谱',
    en: 'Only a draft version of a map can be published',
  },
  CHAIN_PLACEMENT_NOT_FOUND: { status: 404, zh: '企业挂接记录不存在', en: 'Placement not found' },
  CHAIN_TARGET_NOT_FOUND: { status: 404, zh: '招商目标不存在', en: 'Investment target not found' },
  CHAIN_PARTNER_NOT_FOUND: { status: 404, zh: '配套关系不存在', en: 'Partner link not found' },
  CHAIN_LEADER_NOT_CONFIRMED: {
    status: 409,
    zh: '该企业不是已确认的链主企业',
    en: 'This enterprise is not a confirmed chain leader',
  },
  REQUEST_NOTE_REQUIRED: {
    status: 400,
    zh: '此操作需要填写理由或答复（至少 2 个字）',
    en: 'This step needs a reason or an answer (at least 2 characters)',
  },
  ATTACHMENT_TYPE_REFUSED: {
    status: 415,
    zh: '附件只接受 PDF、JPG、PNG、Word（.docx）和 Excel（.xlsx）文件',
    en: 'Attachments must be PDF, JPG, PNG, Word (.docx) or Excel (.xlsx) files',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    zh: '附件不能超过 10 MB，每条诉求最多 10 个附件',
    en: 'Attachments may be at most 10 MB each, 10 per request',
  },
  PROJECT_NOT_FOUND: { status: 404, zh: '招商项目不存在', en: 'Project not found' },
  PROJECT_CHANGE_NOT_FOUND: { status: 404, zh: '阶段变更不存在', en: 'Stage change not found' },
  PROJECT_CONTACT_NOT_FOUND: { status: 404, zh: '项目联系人不存在', en: 'Project contact not found' },
  DUPLICATE_PROJECT_CODE: { status: 409, zh: '项目编号已存在', en: 'This project code is already used' },
  PROJECT_STAGE_BACKWARD: {
    status: 409,
    zh: '项目阶段只能向后推进（不能回到或停留在当前阶段）',
    en: 'A project only moves forward (not back to or onto its current stage)',
  },
  PROJECT_STAGE_DATE_FUTURE: {
    status: 400,
    zh: '阶段日期不能晚于今天',
    en: 'A stage date cannot be in the future',
  },
  PROJECT_STAGE_DATE_ORDER: {
    status: 400,
    zh: '阶段日期不能早于当前阶段的日期',
    en: 'A stage date cannot be before the current stage’s date',
  },
  PROJECT_CHANGE_PENDING: {
    status: 409,
    zh: '该项目已有待审核的阶段变更，请先审核或等待审核',
    en: 'This project already has a stage change waiting for approval',
  },
  PROJECT_ENDED: {
    status: 409,
    zh: '项目已终止或流失，不能再变更阶段',
    en: 'The project has ended (dropped or lost); its stage cannot change',
  },
  PROJECT_OWN_CHANGE: {
    status: 403,
    zh: '不能审核自己提交的阶段变更，请由工作专班或本平台其他管理员审核',
    en: 'You cannot approve your own stage change; the task force or another administrator of the platform must',
  },
  PROJECT_CHANGE_DECIDED: {
    status: 409,
    zh: '该阶段变更已审核，请刷新后查看',
    en: 'This stage change was already decided; reload it',
  },
  PROJECT_REASON_REQUIRED: {
    status: 400,
    zh: '退回、终止或流失需要填写理由（至少 2 个字）',
    en: 'Rejecting, dropping or losing a project needs a reason (at least 2 characters)',
  },
  PROJECT_REFERRER_REQUIRED: {
    status: 400,
    zh: '以企招企的项目须填写推荐企业',
    en: 'A referral project needs the referring enterprise',
  },
  PROJECT_INVESTOR_REQUIRED: {
    status: 400,
    zh: '须选择已登记的投资企业，或填写投资方名称',
    en: 'Choose a registered investor enterprise or enter the investor’s name',
  },
  FILE_REJECTED: { status: 400, zh: '文件被拒绝', en: 'The file was rejected' },
  VERSION_CONFLICT: {
    status: 409,
    zh: '该记录已被他人修改，请刷新后再编辑',
    en: 'Someone else changed this record; reload it and edit again',
  },
  DUPLICATE_NAME: { status: 409, zh: '名称已存在', en: 'This name is already used' },
  DUPLICATE_USERNAME: { status: 409, zh: '用户名已存在', en: 'This username is already taken' },
  DUPLICATE_USCC: { status: 409, zh: '该统一社会信用代码已登记', en: 'This USCC is already registered' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求内容过大', en: 'Request body too large' },
  RATE_LIMITED: { status: 429, zh: '请求过于频繁，请稍后再试', en: 'Too many requests; try again later' },
  INTERNAL: {
    status: 500,
    zh: '服务器内部错误，请稍后重试或联系管理员',
    en: 'Internal error; try again later or contact the administrator',
  },
  RESPONSE_CONTRACT: {
    status: 500,
    zh: '响应含有接口约定之外的字段（仅在严格校验模式下检查）',
    en: 'The response has fields its API contract lacks (checked in strict mode only)',
  },
  PERSONAL_INFO_UNREADABLE: {
    status: 500,
    zh: '个人信息无法解密（密钥缺失或数据被篡改），已记录审计日志',
    en: 'Personal information cannot be decrypted (key missing or data altered); this was audited',
  },
  DATABASE_UNAVAILABLE: { status: 503, zh: '数据库暂不可用', en: 'The database is unavailable' },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldError {
  field: string;
  code: string;
  zh: string;
  en: string;
}

export class AppError extends Error {
  readonly status: number;
  /** For the audit trail only (never sent): e.g. the permission a FORBIDDEN request lacked. */
  context?: Record<string, unknown>;
  constructor(
    readonly code: ErrorCode,
    readonly details?: FieldError[],
  ) {
    super(ERRORS[code].en);
    this.status = ERRORS[code].status;
  }

  toJSON() {
    const { zh, en } = ERRORS[this.code];
    return { error: { code: this.code, zh, en, ...(this.details?.length ? { details: this.details } : {}) } };
  }
}

export const fail = (code: ErrorCode, details?: FieldError[]): never => {
  throw new AppError(code, details);
};

/** 403 naming the permission that was missing (recorded in the `access.denied` audit row). */
export const forbidden = (permission: string): never => {
  const error = new AppError('FORBIDDEN');
  error.context = { permission };
  throw error;
};
