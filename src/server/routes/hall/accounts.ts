/**
 * Applicant accounts (网上办事大厅): SMS codes, registration, password reset (public, rate-limited
 * per client like the login), the profile, the real-name identity, agents and the message box.
 */
import { LoginReply } from '../../../contracts/auth.js';
import { OkBody } from '../../../contracts/common.js';
import { AgentBody, AgentList, AgentView, HallIdParams, HallProfile, IdentityBody, PasswordResetBody, ProfileBody, RegisterBody, SmsCodeBody, SmsCodeReply } from '../../../contracts/hall-accounts.js';
import { MessageList, MessageParams, MessageQuery, MessageView } from '../../../contracts/messages.js';
import { setSessionCookie } from '../../plugins/auth.js';
import { addAgent, listAgents, revokeAgent } from '../../services/hall/agents.js';
import { sendCode } from '../../services/hall/codes.js';
import { hallMessages, readHallMessage } from '../../services/hall/messages.js';
import { getProfile, setIdentity, updateProfile } from '../../services/hall/profile.js';
import { register, resetPassword } from '../../services/hall/register.js';
import type { RoutePlugin } from '../types.js';
import { login, tags } from './common.js';

const H = '/api/v1/hall';

const routes: RoutePlugin = async (app) => {
  const config = { rateLimit: { max: app.onestopConfig.loginRatePerMinute, timeWindow: '1 minute' } };

  app.post(`${H}/sms-codes`, { config, schema: { tags, body: SmsCodeBody, response: { 200: SmsCodeReply } } }, (req) => sendCode(req.ctx, req.body));
  app.post(`${H}/register`, { config, schema: { tags, body: RegisterBody, response: { 200: LoginReply } } }, async (req, reply) => {
    const r = await register(req.ctx, req.body, req.headers['user-agent'] ?? '');
    setSessionCookie(req, reply, r.token, req.ctx.deps.config.sessionTtlHours);
    return { user: r.user, csrfToken: r.csrfToken };
  });
  app.post(`${H}/password-reset`, { config, schema: { tags, body: PasswordResetBody, response: { 200: OkBody } } }, async (req) => {
    await resetPassword(req.ctx, req.body);
    return { ok: true as const };
  });

  app.get(`${H}/profile`, { ...login, schema: { tags, response: { 200: HallProfile } } }, (req) => getProfile(req.ctx));
  app.put(`${H}/profile`, { ...login, schema: { tags, body: ProfileBody, response: { 200: HallProfile } } }, (req) => updateProfile(req.ctx, req.body));
  app.put(`${H}/profile/identity`, { ...login, schema: { tags, body: IdentityBody, response: { 200: HallProfile } } }, (req) => setIdentity(req.ctx, req.body));

  app.get(`${H}/agents`, { ...login, schema: { tags, response: { 200: AgentList } } }, (req) => listAgents(req.ctx));
  app.post(`${H}/agents`, { ...login, schema: { tags, body: AgentBody, response: { 200: AgentView } } }, (req) => addAgent(req.ctx, req.body));
  app.delete(`${H}/agents/:id`, { ...login, schema: { tags, params: HallIdParams, response: { 200: AgentView } } }, (req) => revokeAgent(req.ctx, req.params.id));

  app.get(`${H}/messages`, { ...login, schema: { tags, querystring: MessageQuery, response: { 200: MessageList } } }, (req) => hallMessages(req.ctx, req.query));
  app.post(`${H}/messages/:id/read`, { ...login, schema: { tags, params: MessageParams, response: { 200: MessageView } } }, (req) => readHallMessage(req.ctx, req.params.id));
};
export default routes;
