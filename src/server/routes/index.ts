/** Every route module, by audience. Each handler is one call into a service. */
import type { FastifyInstance } from 'fastify';
import auth from './auth.js';
import adminAudit from './admin/audit.js';
import adminCatalogue from './admin/catalogue.js';
import adminCalendar from './admin/calendar.js';
import adminOrganisation from './admin/organisation.js';
import publicCatalogue from './public/catalogue.js';
import publicCalendar from './public/calendar.js';
import windowCases from './window/cases.js';
import reviewCases from './review/cases.js';
import windowCaseFees from './window/case-fees.js';
import reviewCaseProcedure from './review/case-procedure.js';
import windowCaseMore from './window/case-more.js';
import adminSettings from './admin/settings.js';
import publicProgress from './public/progress.js';
import windowCaseNotices from './window/case-notices.js';
import meMessages from './me/messages.js';
import hallRoutes from './hall/index.js';
import adminBundles from './admin/bundles.js';
import publicBundles from './public/bundles.js';
import supervisionRoutes from './supervision/index.js';
import evaluationRoutes from './evaluation/index.js';
import bundleCaseRoutes from './bundle-cases/index.js';
import meetingRoutes from './meetings/index.js';
import bundleOnlineRoutes from './bundle-online/index.js';

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  for (const r of [auth, adminAudit, adminCatalogue, adminCalendar, adminOrganisation, publicCatalogue, publicCalendar, windowCases, windowCaseFees, reviewCases, reviewCaseProcedure, windowCaseMore, adminSettings, publicProgress, windowCaseNotices, meMessages, adminBundles, publicBundles]) {
    await app.register(r);
  }
  await hallRoutes(app);
  await supervisionRoutes(app);
  await evaluationRoutes(app);
  await bundleCaseRoutes(app);
  await meetingRoutes(app);
  await bundleOnlineRoutes(app);
}
