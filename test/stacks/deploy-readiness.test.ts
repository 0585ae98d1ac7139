import { describe, expect, it } from 'vitest';
import { evaluate } from '../../policies/engine/evaluate.js';
import { rulesInPack } from '../../policies/packs.js';
import { type Documents, workspaceOf } from '../policy/fixture.js';
import { environmentSpec, synthesize } from './synth.js';

// The EKS calendar is read as of this day, so the test does not turn red on a calendar date.
const AS_OF = '2026-11-29';

function findings(environment: 'dev' | 'prod') {
  const { stacks } = synthesize(environmentSpec(environment));
  const outcomes = evaluate(workspaceOf(stacks as unknown as Documents), rulesInPack('deploy-readiness'), {
    asOf: AS_OF,
  });
  return outcomes
    .filter((outcome) => outcome.status !== 'pass')
    .map((outcome) => `${outcome.rule.id} ${outcome.stack.name}/${outcome.resource.type}`);
}

describe('the synthesized platform against the deploy-readiness pack', () => {
  it('dev: nothing a first apply would trip on', () => {
    expect(findings('dev')).toEqual([]);
  });

  it("prod: nothing but the warning that the throttles need more than the account's default quota", () => {
    // The plan's route throttles add up past API Gateway's default 10,000 req/s, which only AWS
    // raises (docs/deploying.md, "Quota requests").
    expect(findings('prod')).toEqual([
      'apigateway-throttle-within-account-quota prod-edge/aws_apigatewayv2_stage',
    ]);
  });
});
