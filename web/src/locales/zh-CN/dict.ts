/**
 * The one dictionary of enum labels (DESIGN §10: statuses, roles, classes are English codes; their
 * labels live here). Keys are the codes the server sends. Read them through `useDict()`.
 */
export default {
  handlingClass: { immediate: '即办件', promised: '承诺件', joint: '联办件', reportUp: '上报件' },
  onlineDepth: { fullOnline: '全程网办', onlinePreReview: '网上预审', window: '窗口办理' },
  itemStatus: { draft: '草稿', published: '已发布', suspended: '暂停办理', retired: '已废止' },
  windowKind: { dedicated: '部门专窗', comprehensive: '综合受理窗口', appointment: '预约窗口' },
  centerKind: { province: '省级中心', city: '市级中心', county: '县级中心', subCenter: '分中心', station: '乡镇（街道）便民服务中心' },
  role: {
    applicant: '申请人',
    clerk: '窗口工作人员',
    chiefRep: '首席代表',
    reviewer: '后方审批人员',
    deptLeader: '部门负责人',
    supervisor: '督办人员',
    centerAdmin: '中心管理员',
    volunteer: '义务监督员',
    deptSystem: '部门业务系统',
  },
  itemType: {
    licensing: '行政许可',
    publicService: '公共服务',
    confirmation: '行政确认',
    benefit: '行政给付',
    registration: '行政登记',
    otherPower: '其他行政权力',
  },
  level: { province: '省级', city: '市级', county: '县级', township: '乡镇（街道）级' },
  materialForm: { original: '原件', copy: '复印件', originalAndCopy: '原件和复印件', electronic: '电子材料' },
  stepKind: { accept: '受理', review: '审查', decide: '决定', certify: '制证', deliver: '送达', other: '其他' },
  specialProcedure: {
    hearing: '听证',
    inspection: '检验',
    testing: '检测',
    quarantine: '检疫',
    appraisal: '鉴定',
    expertReview: '专家评审',
    tender: '招标',
    auction: '拍卖',
  },
  deliveryMode: { window: '窗口领取', mail: '邮寄送达', electronic: '电子送达' },
  silencePolicy: { deemedConsent: '超时默认同意', escalate: '超时报请督办' },
  maxVisits: { '0': '零跑动', '1': '最多跑一次', '2': '最多跑两次' },
  light: { green: '正常', warning: '预警', yellowCard: '黄牌', redCard: '红牌' },
  userKind: { staff: '工作人员', applicant: '申请人' },
};
