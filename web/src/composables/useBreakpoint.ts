/** `isMobile` is true below 768 px (phones): layouts switch their menus to drawers. */
import { onBeforeUnmount, ref } from 'vue';

const MOBILE_QUERY = '(max-width: 767px)';

export function useBreakpoint() {
  const mql = window.matchMedia(MOBILE_QUERY);
  const isMobile = ref(mql.matches);
  const onChange = (e: MediaQueryListEvent) => (isMobile.value = e.matches);
  mql.addEventListener('change', onChange);
  onBeforeUnmount(() => mql.removeEventListener('change', onChange));
  return { isMobile };
}
