import type { DemoItem } from '../types.js';
import { agricultureItems } from './agriculture.js';
import { civilItems } from './civil.js';
import { constructionItems } from './construction.js';
import { cultureTransportItems } from './culture-transport.js';
import { environmentItems } from './environment.js';
import { foodDrugItems } from './food-drug.js';
import { healthItems } from './health.js';
import { housingItems } from './housing.js';
import { investmentPlanningItems } from './investment-planning.js';
import { marketItems } from './market.js';
import { publicSecurityItems } from './public-security.js';
import { safetyCommerceItems } from './safety-commerce.js';
import { socialItems } from './social.js';
import { stationItems } from './stations.js';
import { taxItems } from './tax.js';
import { urbanItems } from './urban.js';

/** The demo catalogue, grouped as a city center's hall is: 企业开办 → 工程建设 → 社会事务 → 分中心 → 便民服务中心. */
export const demoItems: DemoItem[] = [
  ...marketItems,
  ...foodDrugItems,
  ...taxItems,
  ...publicSecurityItems,
  ...investmentPlanningItems,
  ...constructionItems,
  ...environmentItems,
  ...urbanItems,
  ...safetyCommerceItems,
  ...agricultureItems,
  ...socialItems,
  ...healthItems,
  ...civilItems,
  ...cultureTransportItems,
  ...housingItems,
  ...stationItems,
];
