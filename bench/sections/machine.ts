import os from 'node:os';
import { Section } from '../section';

/** What ran the report, and how to read it. */
export const machine: Section = {
  title: 'The machine, and how to read this report',
  run: () => {
    const cpus = os.cpus();
    return `
- Date: ${new Date().toISOString().slice(0, 10)}; Node ${process.version} on ${os.type()} ${os.release()} (${os.arch()}); ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}; ${Math.round(os.totalmem() / 2 ** 30)} GB of memory.
- Times measured here are Node's, on this machine: the median of several runs after a warm-up. Apps Script runs the same JavaScript on Google's V8 servers, usually slower than a laptop; what costs time there is each service call, which no local run can time. So the report counts the calls (exactly, in the local runtime) and *models* their time with a per-call latency table whose sources it gives.
- Budgets that \`npm test\` enforces are exact numbers (sizes and call counts), never wall-clock times.
`;
  },
};
