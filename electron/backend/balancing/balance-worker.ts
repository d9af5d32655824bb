// Worker-thread entry: runs one balancing job off the main thread and posts progress and
// the result back. Built to out/main/balance-worker.js beside the main and CLI bundles.
import { parentPort } from 'node:worker_threads';
import { balance } from '../../../shared/domain/balancing/balance';
import type { BalanceOptions, BalanceProblem } from '../../../shared/domain/balancing/problem';

export interface WorkerRequest {
  problem: BalanceProblem;
  options: Omit<BalanceOptions, 'shouldStop' | 'onProgress'>;
}

export type WorkerMessage =
  | { type: 'progress'; fraction: number; phase: string }
  | { type: 'done'; plan: Int32Array; moves: number; rounds: number; elapsedMs: number }
  | { type: 'failed'; message: string };

parentPort?.once('message', (request: WorkerRequest) => {
  const post = (message: WorkerMessage, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);
  try {
    let last = 0;
    const result = balance(request.problem, {
      ...request.options,
      onProgress: (fraction, phase) => {
        const now = Date.now();
        if (now - last < 100 && fraction < 1) return;
        last = now;
        post({ type: 'progress', fraction, phase });
      },
    });
    post({ type: 'done', plan: result.plan, moves: result.moves, rounds: result.rounds, elapsedMs: result.elapsedMs }, [result.plan.buffer as ArrayBuffer]);
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
});
