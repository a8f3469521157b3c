/**
 * What the model gets back from a tool: the tool's Reply as compact JSON inside a <data> block.
 * Everything in it (product names, reviews, ticket text, customer notes) is data, and the system
 * prompt says so; angle brackets inside are escaped, so text from data cannot close the block and
 * pose as the bot. PII is masked through the question's Pseudonymizer, and fields or columns
 * labelled as addresses are hidden when masking is on.
 */
import type { Reply } from '../../core/reply.ts';
import type { Pseudonymizer } from './pii.ts';

/** Longest data block sent back to the model, in characters (at most about 1,200 tokens): enough for two sentences about it. */
export const MAX_DATA_CHARS = 3_000;

/** Rows per table before the view is cut (it says how many it left out). */
const MAX_ROWS = 10;

const ADDRESS_LABEL = /address|street|postal|postcode|zip|地址|邮编/i;

interface TableView {
  title?: string;
  columns: string[];
  rows: string[][];
  moreRows?: number;
}

/** The JSON the model sees. */
interface ReplyView {
  kind: Reply['kind'];
  title?: string;
  summary?: string;
  fields?: Array<[string, string]>;
  tables?: TableView[];
  notes?: string[];
  /** Commands behind the reply's buttons, e.g. did-you-mean candidates. */
  options?: string[];
}

/** Escapes what could end the data block or start a tag inside it. */
function escapeForBlock(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e');
}

/** The reply as the model sees it (masked), before it is wrapped in a block. */
export function replyView(reply: Reply, pii: Pseudonymizer, maxRows = MAX_ROWS): ReplyView {
  const mask = (text: string) => pii.mask(text);
  const value = (label: string, text: string) => (pii.enabled && ADDRESS_LABEL.test(label) && text.trim() !== '' ? pii.placeholder('address', text) : mask(text));
  const view: ReplyView = { kind: reply.kind };
  if (reply.title) view.title = mask(reply.title);
  if (reply.summary) view.summary = mask(reply.summary);
  if (reply.fields?.length) view.fields = reply.fields.map((f) => [f.label, value(f.label, f.value)]);
  if (reply.tables?.length) {
    view.tables = reply.tables.map((table) => ({
      ...(table.title ? { title: table.title } : {}),
      columns: table.columns.map((c) => c.label),
      rows: table.rows.slice(0, maxRows).map((row) => table.columns.map((c) => value(c.label, row[c.key] ?? ''))),
      ...(table.rows.length > maxRows ? { moreRows: table.rows.length - maxRows } : {}),
    }));
  }
  if (reply.notes?.length) view.notes = reply.notes.map(mask);
  if (reply.actions?.length) view.options = reply.actions.map((a) => mask(a.command));
  return view;
}

/** The tool's reply as a delimited data block for the model, within MAX_DATA_CHARS. */
export function dataBlock(tool: string, reply: Reply, pii: Pseudonymizer): string {
  let rows = MAX_ROWS;
  let json = escapeForBlock(JSON.stringify(replyView(reply, pii, rows)));
  // Fewer rows until it fits; a row-less view is always small enough to be useful.
  while (json.length > MAX_DATA_CHARS && rows > 0) {
    rows = Math.floor(rows / 2);
    json = escapeForBlock(JSON.stringify(replyView(reply, pii, rows)));
  }
  if (json.length > MAX_DATA_CHARS) json = escapeForBlock(JSON.stringify({ kind: reply.kind, title: reply.title ? pii.mask(reply.title) : undefined, truncated: true }));
  return `<data tool="${tool}">\n${json}\n</data>`;
}
