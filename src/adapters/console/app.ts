/**
 * The console adapter: a terminal chat with the bot on the local database. On a terminal it
 * prompts; with piped input it answers one line at a time and exits 0 at end of input.
 * Buttons show as numbered choices: typing the number presses the button.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Pipeline, Outcome } from '../../bot/pipeline.ts';
import type { ChatAction } from '../../core/reply.ts';
import { renderReply } from './render.ts';

/** How the console runs. */
export interface ConsoleOptions {
  pipeline: Pipeline;
  /** Team member handle to act as. */
  handle: string;
  /** Print one JSON object per reply instead of text. */
  json: boolean;
  /** Language hint for replies to text without Chinese in it. */
  lang?: string;
  input: Readable & { isTTY?: boolean };
  output: Writable & { isTTY?: boolean };
}

const EXIT_WORDS = new Set(['exit', 'quit', '\\q', ':q']);

/** Runs the console until end of input or "exit". */
export async function runConsole(options: ConsoleOptions): Promise<void> {
  const { pipeline, handle, json, input, output } = options;
  const interactive = Boolean(input.isTTY && output.isTTY);
  const rl = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  let lastActions: ChatAction[] = [];
  const write = (text: string) => output.write(`${text}\n`);

  if (interactive && !json) {
    write(`Ops assistant · console · you are ${handle}. Type /help, a number to press a button, or exit.`);
    rl.setPrompt(`${handle}> `);
    rl.prompt();
  }

  const print = (outcome: Outcome) => {
    lastActions = outcome.reply.actions ?? [];
    if (json) write(JSON.stringify(outcome));
    else write(`${renderReply(outcome.reply, { color: interactive })}\n`);
  };

  for await (const line of rl) {
    const text = line.replace(/\r$/, '');
    if (EXIT_WORDS.has(text.trim().toLowerCase())) break;
    const choice = /^\s*(\d{1,2})\s*$/.exec(text);
    const action = choice ? lastActions[Number(choice[1]) - 1] : undefined;
    const outcome = await pipeline.handle({
      via: 'console',
      user: { handle },
      channelId: 'console',
      text: action ? action.command : text,
      ...(action ? { action } : {}),
      ...(options.lang ? { localeHint: options.lang } : {}),
    });
    print(outcome);
    if (interactive) rl.prompt();
  }
  rl.close();
}
