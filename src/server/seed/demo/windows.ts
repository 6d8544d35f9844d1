import type { DemoWindow } from './types.js';

function dedicated(code: string, name: string, departmentCode: string, location: string, centerKey = 'city'): DemoWindow {
  return { code, name, kind: 'dedicated', departmentCode, servedDepartmentCodes: [], location, centerKey };
}

function comprehensive(code: string, name: string, served: string[], location: string, centerKey = 'city'): DemoWindow {
  return { code, name, kind: 'comprehensive', departmentCode: null, servedDepartmentCodes: served, location, centerKey };
}

/** 预约窗口: low-volume departments share it, one on duty per working day (Mon–Fri). */
function appointment(code: string, name: string, weekly: [string, string, string, string, string], location: string): DemoWindow {
  return {
    code,
    name,
    kind: 'appointment',
    departmentCode: null,
    servedDepartmentCodes: [...weekly],
    roster: weekly.map((departmentCode, i) => ({ weekday: (i + 1) as 1 | 2 | 3 | 4 | 5, departmentCode })),
    location,
    centerKey: 'city',
  };
}

export const demoWindows: DemoWindow[] = [
  // 一楼 A 区: 企业开办与市场准入
  comprehensive('A01', '企业开办综合受理窗口', ['SCJG', 'SWJ', 'GAJ', 'RSJ'], '市民之家一楼A区1号'),
  comprehensive('A02', '企业开办综合受理窗口', ['SCJG', 'SWJ', 'GAJ', 'RSJ'], '市民之家一楼A区2号'),
  dedicated('A03', '市场监管局企业登记窗口', 'SCJG', '市民之家一楼A区3号'),
  dedicated('A04', '市场监管局食品药品许可窗口', 'SCJG', '市民之家一楼A区4号'),
  dedicated('A05', '税务局办税服务窗口', 'SWJ', '市民之家一楼A区5号'),
  dedicated('A06', '公安局户政窗口', 'GAJ', '市民之家一楼A区6号'),
  dedicated('A07', '公安局出入境窗口', 'GAJ', '市民之家一楼A区7号'),
  // 二楼 B 区: 工程建设项目审批
  comprehensive('B01', '工程建设项目综合受理窗口', ['FGW', 'ZRGH', 'ZJJ', 'STHJ', 'RFB', 'QXJ', 'SPJ', 'CGJ'], '市民之家二楼B区1号'),
  dedicated('B02', '发展改革委投资项目窗口', 'FGW', '市民之家二楼B区2号'),
  dedicated('B03', '自然资源和规划局窗口', 'ZRGH', '市民之家二楼B区3号'),
  dedicated('B04', '住房城乡建设局窗口', 'ZJJ', '市民之家二楼B区4号'),
  dedicated('B05', '生态环境局窗口', 'STHJ', '市民之家二楼B区5号'),
  dedicated('B06', '消防救援支队窗口', 'XFZD', '市民之家二楼B区6号'),
  dedicated('B07', '行政审批服务局联合验收窗口', 'SPJ', '市民之家二楼B区7号'),
  dedicated('B08', '城市管理局窗口', 'CGJ', '市民之家二楼B区8号'),
  // 三楼 C 区: 社会事务
  comprehensive('C01', '社会事务综合受理窗口', ['RSJ', 'YBJ', 'MZJ', 'WJW', 'JYJ'], '市民之家三楼C区1号'),
  dedicated('C02', '人力资源社会保障局窗口', 'RSJ', '市民之家三楼C区2号'),
  dedicated('C03', '医疗保障局窗口', 'YBJ', '市民之家三楼C区3号'),
  dedicated('C04', '卫生健康委窗口', 'WJW', '市民之家三楼C区4号'),
  dedicated('C05', '民政局窗口', 'MZJ', '市民之家三楼C区5号'),
  dedicated('C06', '交通运输局窗口', 'JTJ', '市民之家三楼C区6号'),
  dedicated('C07', '文化和旅游局窗口', 'WLJ', '市民之家三楼C区7号'),
  appointment('C08', '预约窗口（一）', ['QXJ', 'YCJ', 'TYJ', 'SFJ', 'YJJ'], '市民之家三楼C区8号'),
  appointment('C09', '预约窗口（二）', ['SLJ', 'NYJ', 'JYJ', 'SWU', 'RFB'], '市民之家三楼C区9号'),
  // 分中心
  dedicated('D01', '不动产登记窗口', 'BDC', '不动产登记大厅1号', 'bdc'),
  dedicated('D02', '不动产登记窗口', 'BDC', '不动产登记大厅2号', 'bdc'),
  comprehensive('D03', '不动产交易登记综合窗口（一窗办理）', ['BDC', 'FCJY'], '不动产登记大厅3号', 'bdc'),
  dedicated('E01', '住房公积金业务窗口', 'GJJ', '公积金服务大厅1号', 'gjj'),
  dedicated('E02', '住房公积金贷款窗口', 'GJJ', '公积金服务大厅2号', 'gjj'),
  // 便民服务中心: 一窗受理，代收代办市级部门事项
  comprehensive('S01', '便民服务综合窗口', ['GWSW', 'GWTY'], '广文街道便民服务中心1号', 'st-guangwen'),
  comprehensive('S02', '便民服务综合窗口', ['GDSW', 'GDNY'], '固堤街道便民服务中心1号', 'st-gudi'),
  comprehensive('S03', '便民服务综合窗口', ['WJSW', 'WJNY'], '王家庄街道便民服务中心1号', 'st-wangjia'),
];
