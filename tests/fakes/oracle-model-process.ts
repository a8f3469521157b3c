/**
 * The loopback fake model in a process of its own, answering with the evaluation's oracle
 * (src/nl/eval/model-eval.ts), so a benchmark's process measures only the bot:
 *
 *   node --import tsx tests/fakes/oracle-model-process.ts <answers.json>
 *
 * Prints "listening <baseURL>" on stdout once ready; stops when its stdin closes. What it
 * recorded (tokens and its own handling time per request) is at GET <origin>/_fake/requests.
 */
import { readFileSync } from 'node:fs';
import { oracleScript, type OracleAnswers } from '../../src/nl/eval/model-eval.ts';
import { startFakeOpenAi } from './openai-server.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: oracle-model-process.ts <answers.json>\n');
  process.exit(2);
}
const answers = JSON.parse(readFileSync(file, 'utf8')) as OracleAnswers;
const fake = await startFakeOpenAi(oracleScript(answers));
process.stdout.write(`listening ${fake.baseURL}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void fake.close().then(() => process.exit(0));
});
