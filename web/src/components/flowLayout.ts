/**
 * Pure layout of the procedure flowchart (FlowChart.vue draws it). Stages run left to right and
 * wrap into rows when the width runs out; parallel steps of a stage stack in their column. When
 * only one column fits (a phone), stages run top to bottom and parallel steps sit side by side.
 */
import type { FlowNode } from '@shared/contracts/catalogue-api';

export interface Box {
  node: FlowNode;
  x: number;
  y: number;
  w: number;
  h: number;
  row: number;
  col: number;
}
export interface Edge {
  from: string;
  to: string;
  d: string;
}
export interface FlowLayout {
  width: number;
  height: number;
  vertical: boolean;
  boxes: Box[];
  edges: Edge[];
}

export const SIZES = { nodeW: 172, stepH: 80, termW: 96, termH: 40, gapX: 48, gapY: 16, rowGap: 44, pad: 28 };

/** Columns in drawing order: start, the stages in order, end. */
export function columnsOf(nodes: FlowNode[]): FlowNode[][] {
  const starts = nodes.filter((n) => n.kind === 'start');
  const ends = nodes.filter((n) => n.kind === 'end');
  const byStage = new Map<number, FlowNode[]>();
  for (const n of nodes) {
    if (n.kind !== 'step') continue;
    const list = byStage.get(n.stage) ?? [];
    list.push(n);
    byStage.set(n.stage, list);
  }
  const stages = [...byStage.keys()].sort((a, b) => a - b).map((k) => byStage.get(k)!);
  return [starts, ...stages, ends].filter((c) => c.length > 0);
}

const heightOf = (n: FlowNode, tall = false) => (n.kind === 'step' ? SIZES.stepH + (tall ? 16 : 0) : SIZES.termH);

export function layoutFlow(nodes: FlowNode[], available: number): FlowLayout {
  const S = SIZES;
  const cols = columnsOf(nodes);
  const fit = Math.max(1, Math.floor((available - 2 * S.pad + S.gapX) / (S.nodeW + S.gapX)));
  const vertical = fit === 1 && cols.length > 1;
  const boxes: Box[] = [];
  const rowBottom: number[] = [];

  if (!vertical) {
    const perRow = Math.min(fit, cols.length);
    let top = S.pad / 2;
    for (let r = 0; r * perRow < cols.length; r++) {
      const rowCols = cols.slice(r * perRow, (r + 1) * perRow);
      const colH = rowCols.map((c) => c.reduce((s, n) => s + heightOf(n), 0) + (c.length - 1) * S.gapY);
      const rowH = Math.max(...colH);
      rowCols.forEach((c, i) => {
        let y = top + (rowH - colH[i]) / 2;
        const x = S.pad + i * (S.nodeW + S.gapX);
        for (const n of c) {
          const w = n.kind === 'step' ? S.nodeW : S.termW;
          boxes.push({ node: n, x: x + (S.nodeW - w) / 2, y, w, h: heightOf(n), row: r, col: i });
          y += heightOf(n) + S.gapY;
        }
      });
      rowBottom[r] = top + rowH;
      top += rowH + S.rowGap;
    }
    const width = 2 * S.pad + perRow * S.nodeW + (perRow - 1) * S.gapX;
    const height = rowBottom[rowBottom.length - 1] + S.pad / 2;
    return { width, height, vertical, boxes, edges: edgesOf(boxes, rowBottom, false) };
  }

  const inner = Math.max(160, available - 2 * 12);
  let top = 8;
  cols.forEach((c, r) => {
    const k = c.length;
    const stepW = Math.min(280, (inner - (k - 1) * S.gapY) / k);
    // Side-by-side boxes are narrow: make them taller so the department gets two lines.
    const tall = k > 1;
    const rowH = Math.max(...c.map((n) => heightOf(n, tall)));
    const total = c.reduce((s, n) => s + (n.kind === 'step' ? stepW : S.termW), 0) + (k - 1) * S.gapY;
    let x = 12 + (inner - total) / 2;
    for (const n of c) {
      const w = n.kind === 'step' ? stepW : S.termW;
      boxes.push({ node: n, x, y: top + (rowH - heightOf(n, tall)) / 2, w, h: heightOf(n, tall), row: r, col: 0 });
      x += w + S.gapY;
    }
    rowBottom[r] = top + rowH;
    top += rowH + S.rowGap - 10;
  });
  return { width: inner + 24, height: rowBottom[rowBottom.length - 1] + 8, vertical, boxes, edges: edgesOf(boxes, rowBottom, true) };
}

function edgesOf(boxes: Box[], rowBottom: number[], vertical: boolean): Edge[] {
  const S = SIZES;
  const at = new Map(boxes.map((b) => [b.node.id, b]));
  const edges: Edge[] = [];
  for (const s of boxes) {
    for (const id of s.node.next) {
      const d = at.get(id);
      if (!d) continue;
      const sCx = s.x + s.w / 2;
      const dCx = d.x + d.w / 2;
      const sCy = s.y + s.h / 2;
      const dCy = d.y + d.h / 2;
      let path: string;
      if (vertical) {
        const midY = rowBottom[s.row] + (d.y - rowBottom[s.row]) / 2;
        path = `M${sCx},${s.y + s.h} V${midY} H${dCx} V${d.y}`;
      } else if (d.row === s.row) {
        const midX = s.x + s.w + (d.x - s.x - s.w) / 2;
        path = sCy === dCy ? `M${s.x + s.w},${sCy} H${d.x}` : `M${s.x + s.w},${sCy} H${midX} V${dCy} H${d.x}`;
      } else {
        // Next row: out to the right, down into the gap between rows, back left, in from the left.
        const colRight = S.pad + s.col * (S.nodeW + S.gapX) + S.nodeW;
        const outX = colRight + Math.min(S.gapX, S.pad) / 2;
        const midY = rowBottom[s.row] + S.rowGap / 2;
        const inX = Math.max(4, d.x - Math.min(S.gapX, S.pad) / 2 - (S.nodeW - d.w) / 2);
        path = `M${s.x + s.w},${sCy} H${outX} V${midY} H${inX} V${dCy} H${d.x}`;
      }
      edges.push({ from: s.node.id, to: d.node.id, d: path });
    }
  }
  return edges;
}

/** Splits text into at most `maxLines` lines of about `maxEm` em (CJK = 1 em, Latin ≈ 0.55), with an ellipsis. */
export function wrapText(text: string, maxEm: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const w = /[\u0000-\u00ff]/.test(ch) ? 0.56 : 1;
    if (width + w > maxEm && line) {
      if (lines.length === maxLines - 1) {
        lines.push(line.slice(0, -1) + '…');
        return lines;
      }
      lines.push(line);
      line = '';
      width = 0;
    }
    line += ch;
    width += w;
  }
  if (line) lines.push(line);
  return lines;
}
