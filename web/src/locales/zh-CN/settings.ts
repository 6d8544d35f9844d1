/** 办件设置 (a center's case settings). */
export default {
  menu: { case: '办件设置' },
  case: {
    intro: '本中心的办件参数，对本中心及其下级中心生效；下级中心可另行设置。未在本中心设置的，沿用上级中心的设置或系统默认值。',
    center: '中心',
    lightWarningDays: '预警提前天数',
    lightWarningHint: '距承诺期限还剩多少个工作日时亮“预警”灯（{min}–{max}）。',
    supplementDueWorkdays: '补正期限',
    supplementHint: '受理前一次性告知补正、申请人逾期未补正的，多少个工作日后视为撤回（{min}–{max}）。',
    inherit: '沿用上级或默认值',
    setHere: '本中心设置',
    inForce: '当前生效：{n} 个工作日',
    source: { center: '本中心设置', ancestor: '沿用上级中心（{name}）的设置', default: '系统默认值' },
    range: '应为 {min} 到 {max} 之间的整数',
    stale: '办件设置已被他人修改，已重新加载最新设置，请核对后再保存',
    loadFailed: '办件设置加载失败',
    version: '版本 {n}',
    unit: '个工作日',
  },
};
