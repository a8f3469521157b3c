/**
 * The knowledge base behind `/ask`: the markdown files in knowledge/ split into passages at
 * their "## " headings, ranked with @langchain/community's BM25 retriever (no model, no network).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Document } from '@langchain/core/documents';
import { BM25Retriever } from '@langchain/community/retrievers/bm25';
import type { KnowledgeBase, KnowledgePassage } from '../../core/domain/knowledge/knowledge-base.ts';
import { indexText, searchTerms } from './search-terms.ts';

/** knowledge/ at the repository root. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../../knowledge/', import.meta.url));

/** A line of extra search words under a heading: indexed, never shown. */
const KEYWORDS_LINE = /^(keywords|关键词)\s*[:：]/i;

/** One passage as stored: what is shown and what is searched. */
interface Passage {
  source: string;
  title: string;
  heading: string;
  text: string;
  keywords: string;
}

/** Splits one markdown file into passages, one per "## " section. */
export function splitPassages(source: string, markdown: string): Passage[] {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const title = lines.find((l) => l.startsWith('# '))?.slice(2).trim() ?? source;
  const passages: Passage[] = [];
  let current: { heading: string; body: string[]; keywords: string[] } | null = null;
  const flush = () => {
    if (current) passages.push({ source, title, heading: current.heading, text: current.body.join('\n').trim(), keywords: current.keywords.join(' ') });
  };
  for (const line of lines) {
    if (line.startsWith('## ')) {
      flush();
      current = { heading: line.slice(3).trim(), body: [], keywords: [] };
    } else if (current && KEYWORDS_LINE.test(line.trim())) {
      current.keywords.push(line.trim().replace(KEYWORDS_LINE, ''));
    } else if (current) {
      current.body.push(line);
    }
  }
  flush();
  return passages.filter((p) => p.text !== '');
}

/** A knowledge base over the given passages. */
export function knowledgeBaseOf(passages: Passage[]): KnowledgeBase {
  const documents = passages.map(
    (p, i) => new Document({ id: String(i), pageContent: indexText(`${p.title}\n${p.heading}\n${p.keywords}\n${p.text}`), metadata: { index: i } }),
  );
  return {
    async search(question, limit) {
      const terms = [...new Set(searchTerms(question))];
      if (terms.length === 0 || documents.length === 0) return [];
      // The retriever splits its query on whitespace, which cannot read Chinese; it gets our
      // terms instead, already lower-cased and space-separated.
      const retriever = new BM25Retriever({ docs: documents, k: limit, includeScore: true });
      const hits = await retriever.invoke(terms.join(' '));
      return hits
        .map((doc): KnowledgePassage | null => {
          const passage = passages[doc.metadata.index as number];
          const score = Number(doc.metadata.bm25Score ?? 0);
          return passage && score > 0 ? { source: passage.source, title: passage.title, heading: passage.heading, text: passage.text, score } : null;
        })
        .filter((p): p is KnowledgePassage => p !== null);
    },
  };
}

/** Loads every .md file of `dir` (knowledge/ by default) into a knowledge base. */
export async function loadKnowledgeBase(dir: string = KNOWLEDGE_DIR): Promise<KnowledgeBase> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
  const passages = (await Promise.all(files.map(async (f) => splitPassages(f, await readFile(join(dir, f), 'utf8'))))).flat();
  return knowledgeBaseOf(passages);
}
