/**
 * Renders a Reply as terminal text: a title, aligned tables (CJK-aware widths), notes, and
 * buttons as numbered choices with their typed form beside them.
 */
import stringWidth from 'string-width';
import type { Reply, ReplyTable } from '../../core/reply.ts';

/** Options for terminal rendering. */
export interface RenderOptions {
  /** Use ANSI colours (only on a terminal). */
  color?: boolean;
}

const ansi = {
  bold: (s: string) => `\u001b[1m${s}\u001b[22m`,
  dim: (s: string) => `\u001b[2m${s}\u001b[22m`,
  red: (s: string) => `\u001b[31m${s}\u001b[39m`,
  yellow: (s: string) => `\u001b[33m${s}\u001b[39m`,
};

function pad(text: string, width: number, align: 'left' | 'right'): string {
  const gap = Math.max(0, width - stringWidth(text));
  return align === 'right' ? ' '.repeat(gap) + text : text + ' '.repeat(gap);
}

/** One table as aligned lines. */
export function renderTable(table: ReplyTable): string[] {
  const widths = table.columns.map((c) =>
    Math.max(stringWidth(c.label), ...table.rows.map((r) => stringWidth(r[c.key] ?? ''))),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i] ?? 0, table.columns[i]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  return [
    line(table.columns.map((c) => c.label)),
    line(widths.map((w) => '─'.repeat(w))),
    ...table.rows.map((r) => line(table.columns.map((c) => r[c.key] ?? ''))),
  ];
}

/** The whole reply as text (no trailing newline). */
export function renderReply(reply: Reply, options: RenderOptions = {}): string {
  const c = options.color ? ansi : { bold: (s: string) => s, dim: (s: string) => s, red: (s: string) => s, yellow: (s: string) => s };
  const out: string[] = [];
  const marker = reply.kind === 'error' ? '✖ ' : reply.kind === 'denied' ? '⛔ ' : '';
  if (reply.title) out.push(c.bold(reply.kind === 'error' || reply.kind === 'denied' ? c.red(marker + reply.title) : reply.title));
  if (reply.summary) out.push(reply.summary);
  if (reply.fields && reply.fields.length > 0) {
    const width = Math.max(...reply.fields.map((f) => stringWidth(f.label)));
    for (const f of reply.fields) {
      const [first, ...more] = f.value.split('\n');
      out.push(`${pad(f.label, width, 'left')}  ${first ?? ''}`);
      for (const m of more) out.push(`${' '.repeat(width)}  ${m}`);
    }
  }
  for (const table of reply.tables ?? []) {
    out.push('');
    if (table.title) out.push(c.bold(table.title));
    out.push(...renderTable(table).map((l) => `  ${l}`));
  }
  if (reply.notes && reply.notes.length > 0) {
    out.push('');
    for (const note of reply.notes) out.push(c.yellow(`• ${note}`));
  }
  for (const file of reply.files ?? []) {
    // A terminal has no attachments: print the file between markers, so it can be cut out or piped.
    out.push('', c.dim(`── ${file.filename} (${file.mimeType}) ──`), file.content.replace(/\r\n/g, '\n').replace(/\n$/, ''), c.dim(`── end of ${file.filename} ──`));
  }
  if (reply.actions && reply.actions.length > 0) {
    out.push('');
    const width = Math.max(...reply.actions.map((a, i) => stringWidth(`[${i + 1}] ${a.label}`)));
    reply.actions.forEach((a, i) => out.push(`  ${pad(`[${i + 1}] ${a.label}`, width, 'left')}   ${c.dim(a.command)}`));
  }
  return out.join('\n');
}
