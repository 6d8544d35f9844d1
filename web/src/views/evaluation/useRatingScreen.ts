/**
 * The state of the window's rating screen: polls the window for the case to rate, picks a level
 * (a bad one asks for reasons first), sends it, thanks, then waits for the next case.
 */
import { computed, onBeforeUnmount, onMounted, reactive, ref, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { ApiError, errorMessage } from '@/api/http';
import { evaluationApi, isBadLevel, type RatingLevel, type WindowScreen } from '@/api/evaluation';
import { useAuthStore } from '@/stores/auth';

const POLL_MS = 3000;
const THANKS_MS = 5000;

export const REASONS = ['wait', 'attitude', 'inform', 'slow', 'rules'] as const;
export type Reason = (typeof REASONS)[number];
export type Phase = 'loading' | 'waiting' | 'prompt' | 'reasons' | 'sending' | 'thanks' | 'notFound';

export function useRatingScreen(windowId: () => string) {
  const { t } = useI18n();
  const auth = useAuthStore();

  const phase = ref<Phase>('loading');
  const screen = ref<WindowScreen | null>(null);
  const error = ref('');
  const chosen = ref<RatingLevel | null>(null);
  const reasons = reactive(new Set<Reason>());
  const other = ref('');
  const now = ref(new Date());

  let pollTimer: ReturnType<typeof setTimeout> | null = null;
  let thanksTimer: ReturnType<typeof setTimeout> | null = null;
  let clockTimer: ReturnType<typeof setInterval> | null = null;
  let stopped = false;

  /** the prompt shown: a new case or occasion replaces it only while nobody is mid-rating */
  const promptKey = (s: WindowScreen | null) => (s?.prompt ? `${s.prompt.caseId}|${s.prompt.occasion}` : '');

  async function fetchScreen(): Promise<void> {
    try {
      const s = await evaluationApi.windowScreen(windowId());
      error.value = '';
      if (phase.value === 'reasons' || phase.value === 'sending' || phase.value === 'thanks') return;
      const changed = promptKey(s) !== promptKey(screen.value) || phase.value === 'loading';
      screen.value = s;
      if (changed) phase.value = s.prompt ? 'prompt' : 'waiting';
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        phase.value = 'notFound';
        return;
      }
      error.value = t('evaluation.screen.loadFailed');
    }
  }

  function schedule(): void {
    if (stopped || phase.value === 'notFound') return;
    pollTimer = setTimeout(async () => {
      await fetchScreen();
      schedule();
    }, POLL_MS);
  }

  function pick(l: RatingLevel): void {
    if (!screen.value?.prompt || phase.value !== 'prompt') return;
    chosen.value = l;
    if (isBadLevel(l)) {
      reasons.clear();
      other.value = '';
      phase.value = 'reasons';
      return;
    }
    void send();
  }

  function back(): void {
    chosen.value = null;
    phase.value = 'prompt';
  }

  function toggle(r: Reason): void {
    if (reasons.has(r)) reasons.delete(r);
    else reasons.add(r);
  }

  const comment = computed(() => [...REASONS.filter((r) => reasons.has(r)).map((r) => t(`evaluation.screen.reasons.${r}`)), other.value.trim()].filter(Boolean).join('；').slice(0, 500));

  async function send(): Promise<void> {
    const p = screen.value?.prompt;
    if (!p || !chosen.value) return;
    phase.value = 'sending';
    try {
      await auth.ensureLoaded(); // a signed-in browser must send its CSRF token
      await evaluationApi.rateAtWindow(windowId(), { caseId: p.caseId, occasion: p.occasion, level: chosen.value, comment: comment.value });
      phase.value = 'thanks';
      thanksTimer = setTimeout(async () => {
        chosen.value = null;
        screen.value = null;
        phase.value = 'loading';
        await fetchScreen();
      }, THANKS_MS);
    } catch (e) {
      error.value = errorMessage(e);
      chosen.value = null;
      // 409 (no longer the window's case, rated already) or 422 (occasion closed): look again
      screen.value = null;
      phase.value = 'loading';
      await fetchScreen();
    }
  }

  watch(windowId, () => {
    phase.value = 'loading';
    screen.value = null;
    void fetchScreen();
  });

  onMounted(async () => {
    clockTimer = setInterval(() => (now.value = new Date()), 1000);
    await fetchScreen();
    schedule();
  });
  onBeforeUnmount(() => {
    stopped = true;
    for (const x of [pollTimer, thanksTimer]) if (x) clearTimeout(x);
    if (clockTimer) clearInterval(clockTimer);
  });

  const clock = computed(() => now.value.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }));
  const bad = computed(() => chosen.value !== null && isBadLevel(chosen.value));

  return { phase, screen, error, chosen, reasons, other, pick, back, toggle, send, clock, bad };
}
