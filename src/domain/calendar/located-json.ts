/**
 * A small JSON parser that remembers the line each value starts on, so that an admin who pastes
 * a year's list is told "line 14: …" for a bad entry or a syntax slip. (`JSON.parse` reports
 * neither, and its messages differ between Node versions.)
 */
export type LocatedJson = { line: number } & (
  | { kind: 'object'; props: Map<string, LocatedJson> }
  | { kind: 'array'; items: LocatedJson[] }
  | { kind: 'scalar'; value: string | number | boolean | null }
);

export class JsonSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly messageZh: string,
    readonly messageEn: string,
  ) {
    super(`line ${line}: ${messageEn}`);
    this.name = 'JsonSyntaxError';
  }
}

const STRING_RE = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS: Record<string, boolean | null> = { true: true, false: false, null: null };
const MAX_DEPTH = 32;

/** Parses `text` as JSON; throws {@link JsonSyntaxError} naming the line of the first problem. */
export function parseLocatedJson(text: string): LocatedJson {
  let pos = 0;
  let line = 1;

  const fail = (zh: string, en: string): never => {
    throw new JsonSyntaxError(line, zh, en);
  };
  const skipSpace = () => {
    for (; pos < text.length; pos++) {
      const c = text[pos];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
    }
  };
  const expect = (c: string) => {
    skipSpace();
    if (text[pos] !== c) fail(`此处应为“${c}”`, `expected "${c}" here`);
    pos++;
  };
  const match = (re: RegExp): string | null => {
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) return null;
    pos += m[0].length;
    return m[0];
  };
  const close = (node: LocatedJson): LocatedJson => {
    pos++; // the closing bracket
    return node;
  };
  const readString = (): string => {
    const raw = match(STRING_RE);
    return raw === null ? fail('字符串格式错误（缺少引号或含非法字符）', 'malformed string (missing quote or bad character)') : (JSON.parse(raw) as string);
  };

  const value = (depth: number): LocatedJson => {
    skipSpace();
    if (depth > MAX_DEPTH) fail('嵌套层次过深', 'nested too deeply');
    const at = line;
    const c = text[pos];
    if (c === '{') {
      pos++;
      const props = new Map<string, LocatedJson>();
      skipSpace();
      if (text[pos] === '}') return close({ line: at, kind: 'object', props });
      for (;;) {
        skipSpace();
        if (text[pos] !== '"') fail('此处应为带双引号的属性名', 'expected a double-quoted property name');
        const key = readString();
        expect(':');
        props.set(key, value(depth + 1));
        skipSpace();
        if (text[pos] === ',') pos++;
        else if (text[pos] === '}') return close({ line: at, kind: 'object', props });
        else fail('此处应为“,”或“}”', 'expected "," or "}"');
      }
    }
    if (c === '[') {
      pos++;
      const items: LocatedJson[] = [];
      skipSpace();
      if (text[pos] === ']') return close({ line: at, kind: 'array', items });
      for (;;) {
        items.push(value(depth + 1));
        skipSpace();
        if (text[pos] === ',') pos++;
        else if (text[pos] === ']') return close({ line: at, kind: 'array', items });
        else fail('此处应为“,”或“]”', 'expected "," or "]"');
      }
    }
    if (c === '"') return { line: at, kind: 'scalar', value: readString() };
    const num = match(NUMBER_RE);
    if (num !== null) return { line: at, kind: 'scalar', value: Number(num) };
    for (const [word, v] of Object.entries(LITERALS)) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return { line: at, kind: 'scalar', value: v };
      }
    }
    if (pos >= text.length) fail('内容不完整（意外结束）', 'unexpected end of input');
    if (c === ']' || c === '}') fail('此处缺少值（多了一个逗号？）', 'a value is missing here (a comma too many?)');
    const snippet = text.slice(pos, pos + 12).split(/[\r\n]/)[0];
    return fail(`无法识别的内容：${snippet}`, `unexpected text: ${snippet}`);
  };

  const root = value(0);
  skipSpace();
  if (pos < text.length) fail('JSON 结束后还有多余内容', 'unexpected text after the JSON value');
  return root;
}
