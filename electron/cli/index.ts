// CLI entry (out/main/cli.js): runs `main` with the process's arguments and streams.
import { join } from 'node:path';
import { main } from './main';

void main(process.argv.slice(2), { out: (t) => console.log(t), err: (t) => console.error(t) }, join(__dirname, '..', 'renderer')).then(
  (code) => {
    process.exitCode = code;
    // For benchmarks that run a command as its own process (see bench/import-bench.ts).
    if (process.env.TESSERA_REPORT_RSS) console.error(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  },
);
