/** The local copy of a draft's form (localStorage) kept until the server has it. */
export function useDraftStash(id: () => string) {
  const stashKey = () => `onestop.draft.${id()}`;
  function stash(version: number, values: Record<string, unknown>): void {
    try {
      localStorage.setItem(stashKey(), JSON.stringify({ version, values }));
    } catch {
      // storage blocked: the server copy is all there is
    }
  }
  function unstash(): void {
    try {
      localStorage.removeItem(stashKey());
    } catch {
      // nothing kept
    }
  }
  function stashed(): { version: number; values: Record<string, unknown> } | null {
    try {
      const s = JSON.parse(localStorage.getItem(stashKey()) ?? 'null') as { version?: unknown; values?: unknown } | null;
      return s && typeof s.version === 'number' && s.values && typeof s.values === 'object' ? { version: s.version, values: s.values as Record<string, unknown> } : null;
    } catch {
      return null;
    }
  }
  return { stash, unstash, stashed };
}
