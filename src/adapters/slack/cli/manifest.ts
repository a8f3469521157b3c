/**
 * `npm run slack:manifest`: writes manifest.yml (Socket Mode) from the tool registry.
 *   --check                 exit 1 if manifest.yml differs from the registry (nothing written)
 *   --http-url <base URL>   print the HTTP-mode manifest (request URLs on <base URL>/slack/events)
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createRegistry } from '../../../core/tools/index.ts';
import { manifestYaml } from '../manifest.ts';

/** Where manifest.yml lives: the repository root. */
export const MANIFEST_PATH = join(import.meta.dirname, '..', '..', '..', '..', 'manifest.yml');

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { check: { type: 'boolean', default: false }, 'http-url': { type: 'string' } } });
  const registry = createRegistry();
  if (values['http-url'] !== undefined) {
    const url = z.url({ protocol: /^https$/ }).safeParse(values['http-url']);
    if (!url.success) {
      console.error('--http-url must be the public https:// base URL of the bot, e.g. https://ops.example.com');
      return 2;
    }
    process.stdout.write(manifestYaml(registry, { httpBaseUrl: url.data }));
    return 0;
  }
  const text = manifestYaml(registry);
  const current = await readFile(MANIFEST_PATH, 'utf8').catch(() => '');
  if (values.check) {
    if (current === text) return 0;
    console.error('manifest.yml differs from the tool registry: run npm run slack:manifest');
    return 1;
  }
  if (current !== text) await writeFile(MANIFEST_PATH, text);
  console.log(current === text ? 'manifest.yml is up to date' : 'wrote manifest.yml');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`slack:manifest failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
