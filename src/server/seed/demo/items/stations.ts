import type { DemoItem } from '../types.js';
import { COMPLAINT_PHONE, F, HOURS, form, idCard, instantFlow, law } from './shared.js';

/**
 * 便民服务中心 (township stations): "群众办事不进县城". Each station's social-affairs office
 * registers residents for the urban and rural residents' pension on the spot; codes carry the
 * station's own area code.
 */

interface Station {
  areaCode: string;
  departmentCode: string;
  street: string;
  address: string;
  phone: string;
}

const STATIONS: Station[] = [
  { areaCode: '370793', departmentCode: 'GWSW', street: '广文街道', address: '潍坊市奎文区广文街道办事处一楼便民服务中心', phone: '0536-8096301' },
  { areaCode: '370794', departmentCode: 'GDSW', street: '固堤街道', address: '潍坊市寒亭区固堤街道办事处便民服务大厅', phone: '0536-8096302' },
  { areaCode: '370795', departmentCode: 'WJSW', street: '王家庄街道', address: '潍坊市坊子区王家庄街道办事处便民服务大厅', phone: '0536-8096303' },
];

function residentPension(s: Station): DemoItem {
  return {
    code: `${s.areaCode}-${s.departmentCode}-DJ-0001`,
    name: '城乡居民基本养老保险参保登记',
    departmentCode: s.departmentCode,
    level: 'township',
    itemType: 'registration',
    themes: ['社会保障'],
    summary: `年满16周岁（不含在校学生）、非国家机关和事业单位工作人员、不属于职工基本养老保险覆盖范围的${s.street}户籍居民，在便民服务中心办理城乡居民养老保险参保登记，当场办结。`,
    legalBasis: [
      law('《中华人民共和国社会保险法》', '第二十条', '国家建立和完善新型农村社会养老保险制度。新型农村社会养老保险实行个人缴费、集体补助和政府补贴相结合。'),
      law('《中华人民共和国社会保险法》', '第二十二条', '国家建立和完善城镇居民社会养老保险制度。省、自治区、直辖市人民政府根据实际情况，可以将城镇居民社会养老保险和新型农村社会养老保险合并实施。'),
      law('《国务院关于建立统一的城乡居民基本养老保险制度的意见》（国发〔2014〕8号）', '', '年满16周岁（不含在校学生），非国家机关和事业单位工作人员及不属于职工基本养老保险制度覆盖范围的城乡居民，可以在户籍地参加城乡居民养老保险。'),
    ],
    conditions: ['年满16周岁（不含在校学生）', '本街道户籍', '未参加职工基本养老保险'],
    materials: [idCard('M01'), { code: 'M02', name: '城乡居民基本养老保险参保登记表', form: 'original', copies: 1 }, { code: 'M03', name: '居民户口簿', form: 'original', copies: 1, deferrable: true }],
    procedure: instantFlow(),
    handlingClass: 'immediate',
    statutoryLimit: 0,
    promisedLimit: 0,
    fees: { free: true, lines: [] },
    result: { name: '城乡居民基本养老保险参保登记结果', validity: '', delivery: ['window', 'electronic'] },
    onlineDepth: 'onlinePreReview',
    maxVisits: 1,
    service: { windows: `${s.street}便民服务中心便民服务综合窗口`, address: s.address, hours: HOURS, consultPhone: s.phone, complaintPhone: COMPLAINT_PHONE },
    formSchema: form(
      { applicant: F.applicant, idNo: F.idNo, grade: { type: 'integer', title: '缴费档次（元/年）', enum: [300, 500, 800, 1000, 1500, 2000, 3000, 4000, 5000] }, phone: F.phone },
      ['applicant', 'idNo', 'grade'],
    ),
    specialProcedures: [],
    sampleForms: [{ materialCode: 'M02', kind: 'sample', fileName: `城乡居民基本养老保险参保登记表-示范文本-${s.street}.pdf`, title: '城乡居民基本养老保险参保登记表（示范文本）' }],
  };
}

export const stationItems: DemoItem[] = STATIONS.map(residentPension);
