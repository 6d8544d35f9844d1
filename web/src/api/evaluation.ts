/**
 * Evaluation (好差评) — src/server/routes/evaluation/*.ts and public/figures.ts, schemas in
 * contracts/evaluation.ts: the window rating screen and the SMS rating page (no login), bad-review
 * rectifications (staff) and the public figures.
 */
import type {
  FiguresQuery,
  FiguresView,
  RatingBody,
  RatingDone,
  RectificationList,
  RectificationQuery,
  RectificationStep,
  RectificationView,
  SmsRatingPage,
  WindowRatingBody,
  WindowScreen,
} from '@shared/contracts/evaluation';
import { http } from './http';

export type { Figures, FiguresView, RatingPrompt, RectificationView, SmsRatingPage, WindowScreen } from '@shared/contracts/evaluation';
export type RatingLevel = RatingDone['level'];
export type RectificationStatus = RectificationView['status'];
export type StepKind = RectificationStep['kind'];

/** The five levels, best first (the order of the buttons). */
export const RATING_LEVELS: readonly RatingLevel[] = ['verySatisfied', 'satisfied', 'basicallySatisfied', 'dissatisfied', 'veryDissatisfied'];
export const isBadLevel = (l: RatingLevel): boolean => l === 'dissatisfied' || l === 'veryDissatisfied';

const id = (x: string) => encodeURIComponent(x);

export const evaluationApi = {
  windowScreen: (windowId: string) => http.get<WindowScreen>(`/api/v1/hall/rate/${id(windowId)}`),
  rateAtWindow: (windowId: string, b: WindowRatingBody) => http.post<RatingDone>(`/api/v1/hall/rate/${id(windowId)}`, b),
  smsPage: (token: string) => http.get<SmsRatingPage>(`/api/v1/public/rate/${id(token)}`),
  rateBySms: (token: string, b: RatingBody) => http.post<RatingDone>(`/api/v1/public/rate/${id(token)}`, b),

  rectifications: (q: Partial<RectificationQuery>) => http.get<RectificationList>('/api/v1/rectifications', q),
  rectification: (rid: string) => http.get<RectificationView>(`/api/v1/rectifications/${id(rid)}`),
  step: (rid: string, b: RectificationStep) => http.post<RectificationView>(`/api/v1/rectifications/${id(rid)}/steps`, b),

  figures: (q: FiguresQuery) => http.get<FiguresView>('/api/v1/public/figures', q),
};
