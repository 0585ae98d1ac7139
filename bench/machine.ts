/** The machine a run measured on: shared with `promptsales calibrate`, which records it too. */
export { describeMachine, type Machine } from '../lib/machine.js';
