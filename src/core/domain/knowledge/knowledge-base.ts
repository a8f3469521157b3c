/**
 * The knowledge base the `/ask` tool answers from: platform rules, the brand guide and the
 * playbook, kept as files in the repo. Searching it is an interface here; the implementation
 * (a BM25 retriever from @langchain/community) lives in src/nl/knowledge, outside src/core, and
 * the composition root provides it.
 */

/** One passage of the knowledge base that matched a question. */
export interface KnowledgePassage {
  /** The file it comes from, e.g. "platform-rules.md". */
  source: string;
  /** The document's title, e.g. "Platform listing rules". */
  title: string;
  /** The section heading, e.g. "Amazon · title". */
  heading: string;
  /** The section's text, as written (without its keyword line). */
  text: string;
  /** Relevance; higher is better, only comparable within one search. */
  score: number;
}

/** Searches the knowledge base. */
export interface KnowledgeBase {
  /** The best passages for `question`, best first; empty when nothing matches. */
  search(question: string, limit: number): Promise<KnowledgePassage[]>;
}

let provided: KnowledgeBase | null = null;

/**
 * Makes `knowledgeBase` available to the `/ask` tool for this process (src/nl/index.ts does it
 * when it builds the interpreter; tests do it themselves). Null removes it.
 */
export function provideKnowledgeBase(knowledgeBase: KnowledgeBase | null): void {
  provided = knowledgeBase;
}

/** The knowledge base provided to this process, if any. */
export function providedKnowledgeBase(): KnowledgeBase | null {
  return provided;
}
