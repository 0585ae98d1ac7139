/**
 * `OPEN_LOOP_OPTIONS='<options as JSON>' node --import tsx bench/open-loop-process.ts`: the open-loop generator
 * (lib/open-loop.ts) in a process of its own, so that the harness's heap and event loop (autocannon's
 * results, the bench's bookkeeping) cannot delay the requests it sends or the answers it times. It
 * sends one message, `{ event: 'done', result }`.
 */
import { runOpenLoop } from '../lib/open-loop.js';
import { OPTIONS_VARIABLE, openLoopOptionsSchema } from './open-loop-generator.js';
import { sendMessage } from './script-process.js';

const options = openLoopOptionsSchema.parse(JSON.parse(process.env[OPTIONS_VARIABLE] ?? 'null'));
sendMessage({ event: 'done', result: await runOpenLoop(options) });
