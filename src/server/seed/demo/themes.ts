/**
 * The fixed list of service themes (主题) the demo catalogue uses; an item may carry several.
 * Modelled on the theme navigation of provincial 政务服务网 portals (个人 / 法人 主题).
 */
export const DEMO_THEMES = [
  '企业开办',
  '市场准入',
  '工程建设',
  '生态环境',
  '安全生产',
  '社会保障',
  '就业创业',
  '户籍办理',
  '出入境',
  '婚姻登记',
  '医疗卫生',
  '医疗保障',
  '交通出行',
  '文化旅游',
  '不动产',
  '公积金',
  '税务办理',
  '教育',
  '农业',
  '水务',
  '民政救助',
  '社会组织',
  '城市管理',
  '退役军人',
  '法律服务',
  '商务流通',
] as const;

export type DemoTheme = (typeof DEMO_THEMES)[number];
