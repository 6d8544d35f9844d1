import type { DemoCenter } from './types.js';

/**
 * One city center (潍坊市, 370700) with two sub-centers and three township stations.
 *
 * Area codes: the city uses its real GB/T 2260 code 370700. Sub-centers and stations have no
 * 6-digit code of their own in reality (a township's statistical code is 9 digits, e.g.
 * 370705001), but the platform prefixes case numbers with a 6-digit code that must be unique per
 * center, so they use made-up codes from the range 370791–370799, which GB/T 2260 leaves unused
 * under 370700 (the real county codes are 370702–370705, 370724–370725, 370781–370786 and the
 * development-zone codes 370771–370774).
 */
export const demoCenters: DemoCenter[] = [
  {
    key: 'city',
    parentKey: null,
    name: '潍坊市政务服务中心',
    kind: 'city',
    areaCode: '370700',
    address: '山东省潍坊市奎文区福寿东街市民之家',
    phone: '0536-8096000',
  },
  {
    key: 'bdc',
    parentKey: 'city',
    name: '潍坊市政务服务中心不动产登记分中心',
    kind: 'subCenter',
    areaCode: '370791',
    address: '山东省潍坊市奎文区东风东街不动产登记大厅',
    phone: '0536-8096100',
  },
  {
    key: 'gjj',
    parentKey: 'city',
    name: '潍坊市政务服务中心住房公积金分中心',
    kind: 'subCenter',
    areaCode: '370792',
    address: '山东省潍坊市奎文区新华路住房公积金服务大厅',
    phone: '0536-8096200',
  },
  {
    key: 'st-guangwen',
    parentKey: 'city',
    name: '奎文区广文街道便民服务中心',
    kind: 'station',
    areaCode: '370793',
    address: '山东省潍坊市奎文区广文街道办事处一楼',
    phone: '0536-8096301',
  },
  {
    key: 'st-gudi',
    parentKey: 'city',
    name: '寒亭区固堤街道便民服务中心',
    kind: 'station',
    areaCode: '370794',
    address: '山东省潍坊市寒亭区固堤街道办事处便民服务大厅',
    phone: '0536-8096302',
  },
  {
    key: 'st-wangjia',
    parentKey: 'city',
    name: '坊子区王家庄街道便民服务中心',
    kind: 'station',
    areaCode: '370795',
    address: '山东省潍坊市坊子区王家庄街道办事处便民服务大厅',
    phone: '0536-8096303',
  },
];
