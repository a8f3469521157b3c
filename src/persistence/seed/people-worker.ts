/**
 * Worker thread of streamPeopleBatches (people-batches.ts): generates the plan's batches and
 * posts each one, staying at most READ_AHEAD batches ahead of the writer.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { peopleBatches, READ_AHEAD, type PeoplePlan, type WorkerMessage } from './people-batches.ts';

const port = parentPort;
if (!port) throw new Error('people-worker.ts runs as a worker thread');

let credits = READ_AHEAD;
let wake: (() => void) | null = null;
port.on('message', () => {
  credits++;
  wake?.();
  wake = null;
});

const post = (message: WorkerMessage): void => port.postMessage(message);
try {
  for (const batch of peopleBatches(workerData as PeoplePlan)) {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    post({ batch });
  }
  post({ done: true });
} catch (error) {
  post({ error: error instanceof Error ? error.message : String(error) });
}
port.close();
