/** Moves within the editor's repeatable rows (materials, steps, fee lines, …). */
export function moveRow<T>(list: T[], i: number, by: -1 | 1): void {
  const j = i + by;
  if (j < 0 || j >= list.length) return;
  const [row] = list.splice(i, 1);
  list.splice(j, 0, row);
}

export function removeRow<T>(list: T[], i: number): void {
  list.splice(i, 1);
}
