/**
 * The "获取验证码" button of the account forms: sends the code for a purpose and counts down until
 * the next may be asked for (the server's `resendAfterSeconds`). A refusal (number already
 * registered, not registered, too many tries) comes back as the message for the mobile field.
 */
import { computed, onBeforeUnmount, ref } from 'vue';
import { ApiError, errorMessage } from '@/api/http';
import { hallApi, type SmsPurpose } from '@/api/hall';
import { tidy } from '@/views/hall/form';

export function useSmsCode(purpose: SmsPurpose) {
  const sending = ref(false);
  const left = ref(0);
  const sent = ref(false);
  let timer: ReturnType<typeof setInterval> | undefined;

  function countDown(seconds: number): void {
    clearInterval(timer);
    left.value = seconds;
    timer = setInterval(() => {
      left.value -= 1;
      if (left.value <= 0) clearInterval(timer);
    }, 1000);
  }
  onBeforeUnmount(() => clearInterval(timer));

  /** '' when sent; else the message to show under the mobile field */
  async function send(mobile: string): Promise<string> {
    if (sending.value || left.value > 0) return '';
    sending.value = true;
    try {
      const r = await hallApi.smsCode(mobile.trim(), purpose);
      sent.value = true;
      countDown(r.resendAfterSeconds);
      return '';
    } catch (e) {
      const f = e instanceof ApiError ? e.fields.find((x) => x.field === 'mobile') : undefined;
      return f ? tidy('mobile', f.message) : errorMessage(e);
    } finally {
      sending.value = false;
    }
  }

  const waiting = computed(() => left.value > 0);
  return { sending, left, waiting, sent, send };
}
