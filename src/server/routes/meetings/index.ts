/** Routes of joint review meetings (联审会); each handler is one call into a service. */
import type { FastifyInstance } from 'fastify';
import { CancelMeetingBody, MeetingList, MeetingParams, MeetingQuery, MeetingView, RecordMeetingBody, ScheduleMeetingBody, UpdateMeetingBody } from '../../../contracts/meeting.js';
import { requireActor } from '../../plugins/auth.js';
import { cancelMeetingAs, getMeeting, listMeetingsFor, recordMeetingAs, scheduleMeeting, updateMeetingAs } from '../../services/meeting/index.js';
import type { RoutePlugin } from '../types.js';

const meetings: RoutePlugin = async (app) => {
  app.addHook('onRequest', async (req) => {
    requireActor(req);
  });
  const tags = ['meetings'];
  const M = '/api/v1/meetings';
  app.get(M, { schema: { tags, querystring: MeetingQuery, response: { 200: MeetingList } } }, (req) => listMeetingsFor(req.ctx, req.query));
  app.get(`${M}/:id`, { schema: { tags, params: MeetingParams, response: { 200: MeetingView } } }, (req) => getMeeting(req.ctx, req.params.id));
  app.post(M, { schema: { tags, body: ScheduleMeetingBody, response: { 200: MeetingView } } }, (req) => scheduleMeeting(req.ctx, req.body));
  app.put(`${M}/:id`, { schema: { tags, params: MeetingParams, body: UpdateMeetingBody, response: { 200: MeetingView } } }, (req) => updateMeetingAs(req.ctx, req.params.id, req.body));
  app.post(`${M}/:id/cancel`, { schema: { tags, params: MeetingParams, body: CancelMeetingBody, response: { 200: MeetingView } } }, (req) => cancelMeetingAs(req.ctx, req.params.id, req.body));
  app.post(`${M}/:id/record`, { schema: { tags, params: MeetingParams, body: RecordMeetingBody, response: { 200: MeetingView } } }, (req) => recordMeetingAs(req.ctx, req.params.id, req.body));
};

export default async function routes(app: FastifyInstance): Promise<void> {
  await app.register(meetings);
}
