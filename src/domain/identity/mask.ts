/**
 * Masking of personal data for lists, exports and public pages (DESIGN §11): enough left to
 * recognise one's own record, not enough to identify a stranger.
 */
export { maskPhone } from '../organisation/phone.js';

/**
 * Keeps the first 4 (province and prefecture) and last 4 characters of an ID number:
 * 370702199001011234 → 3707**********1234. Anything of 8 characters or fewer is fully starred.
 */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  if (v.length <= 8) return '*'.repeat(v.length);
  return `${v.slice(0, 4)}${'*'.repeat(v.length - 8)}${v.slice(-4)}`;
}

/** Two-character surnames (复姓) that keep both characters visible. */
export const COMPOUND_SURNAMES: readonly string[] = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒',
  '夏侯', '轩辕', '令狐', '西门', '南宫', '独孤', '端木', '申屠', '钟离', '闻人', '澹台', '公冶',
  '太史', '赫连', '呼延', '万俟', '百里', '东郭', '拓跋', '完颜', '第五', '鲜于', '闾丘', '司空',
];

/**
 * Keeps the surname and stars the given name, one star per character: 张三 → 张*, 欧阳娜娜 →
 * 欧阳**. Separators of transliterated names (· and blanks) stay: 买买提·艾力 → 买**·**, the
 * shape of the name, not its letters. A one-character name is starred.
 */
export function maskName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length <= 1) return '*'.repeat(chars.length);
  const keep = chars.length > 2 && COMPOUND_SURNAMES.includes(chars.slice(0, 2).join('')) ? 2 : 1;
  return chars.map((c, i) => (i < keep || c === '·' || c === ' ' ? c : '*')).join('');
}
