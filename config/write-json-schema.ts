import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PlatformSpecSchema } from './spec.js';

/** The JSON Schema that config/*.yaml point editors at (yaml-language-server modeline). */
export function platformSpecJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(PlatformSpecSchema, { io: 'input', target: 'draft-2020-12' }),
    title: 'PromptSales platform spec',
  };
}

export const JSON_SCHEMA_PATH = fileURLToPath(new URL('./platform-spec.schema.json', import.meta.url));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(JSON_SCHEMA_PATH, `${JSON.stringify(platformSpecJsonSchema(), null, 2)}\n`);
  console.log(`wrote ${JSON_SCHEMA_PATH}`);
}
