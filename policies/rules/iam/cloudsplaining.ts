import { namesPrincipal, type PolicyDocument, type Statement } from '../shared/iam-policy.js';
import { actionInfo, everyAction, expandActions } from './action-catalogue.js';

/*
 * The analysis Checkov's CKV_AWS_107-111 and CKV_AWS_286-290 and CKV_AWS_355/356 delegate to
 * cloudsplaining (bridgecrewio/checkov@03d5fdad8d6154b1565799a7b1fb8070c158866f pins
 * cloudsplaining 0.7.0 and policy_sentry 0.13.2), ported from salesforce/cloudsplaining@0.7.0
 * (d365bda7faa5bd8e2012b3ad6e248a37c092fc83): cloudsplaining/scan/policy_document.py and
 * cloudsplaining/scan/statement_detail.py. The action lists below are copied from its
 * cloudsplaining/shared/constants.py at that commit.
 */

/** PRIVILEGE_ESCALATION_METHODS: each method is possible when all of its actions are allowed unconstrained. */
export const PRIVILEGE_ESCALATION_METHODS: Readonly<Record<string, readonly string[]>> = {
  // 1. IAM permissions on other users
  CreateAccessKey: ['iam:createaccesskey'],
  CreateLoginProfile: ['iam:createloginprofile'],
  UpdateLoginProfile: ['iam:updateloginprofile'],
  AddUserToGroup: ['iam:addusertogroup'],
  // 2. Permissions on policies
  CreateNewPolicyVersion: ['iam:createpolicyversion'],
  SetExistingDefaultPolicyVersion: ['iam:setdefaultpolicyversion'],
  AttachUserPolicy: ['iam:attachuserpolicy'],
  AttachGroupPolicy: ['iam:attachgrouppolicy'],
  AttachRolePolicy: ['iam:attachrolepolicy', 'sts:assumerole'],
  PutUserPolicy: ['iam:putuserpolicy'],
  PutGroupPolicy: ['iam:putgrouppolicy'],
  PutRolePolicy: ['iam:putrolepolicy', 'sts:assumerole'],
  // 3. Updating an AssumeRolePolicy
  UpdateRolePolicyToAssumeIt: ['iam:updateassumerolepolicy', 'sts:assumerole'],
  // 4. iam:PassRole
  CreateEC2WithExistingIP: ['iam:passrole', 'ec2:runinstances'],
  PassExistingRoleToNewLambdaThenInvoke: ['iam:passrole', 'lambda:createfunction', 'lambda:invokefunction'],
  PassExistingRoleToNewLambdaThenTriggerWithNewDynamo: [
    'iam:passrole',
    'lambda:createfunction',
    'lambda:createeventsourcemapping',
    'dynamodb:createtable',
    'dynamodb:putitem',
  ],
  PassExistingRoleToNewLambdaThenTriggerWithExistingDynamo: [
    'iam:passrole',
    'lambda:createfunction',
    'lambda:createeventsourcemapping',
  ],
  PassExistingRoleToNewGlueDevEndpoint: ['iam:passrole', 'glue:createdevendpoint'],
  PassExistingRoleToCloudFormation: ['iam:passrole', 'cloudformation:createstack'],
  PassExistingRoleToNewDataPipeline: ['iam:passrole', 'datapipeline:createpipeline'],
  // 5. Privilege escalation using AWS services
  UpdateExistingGlueDevEndpoint: ['glue:updatedevendpoint'],
  EditExistingLambdaFunctionWithRole: ['lambda:updatefunctioncode'],
};

/** ACTIONS_THAT_RETURN_CREDENTIALS. */
export const ACTIONS_THAT_RETURN_CREDENTIALS: readonly string[] = [
  'airflow:createclitoken',
  'airflow:createweblogintoken',
  'appsync:createapikey',
  'chime:createapikey',
  'cloud9:createenvironmenttoken',
  'codeartifact:getauthorizationtoken',
  'codepipeline:pollforjobs',
  'cognito-identity:getopenidtoken',
  'cognito-identity:getopenidtokenfordeveloperidentity',
  'cognito-identity:getcredentialsforidentity',
  'cognito-idp:getsigningcertificate',
  'connect:getfederationtoken',
  'connect:getfederationtokens',
  'ec2:getpassworddata',
  'ecr:getauthorizationtoken',
  'ecr-public:getauthorizationtoken',
  'emr-containers:getmanagedendpointsessioncredentials',
  'finspace-api:getprogrammaticaccesscredentials',
  'gamelift:requestuploadcredentials',
  'gamelift:getinstanceaccess',
  'gamelist:getcomputeaccess',
  'gamelist:getcomputeauthtoken',
  'grafana:createworkspaceapikey',
  'iam:createaccesskey',
  'iam:createloginprofile',
  'iam:createservicespecificcredential',
  'iam:resetservicespecificcredential',
  'iam:updateaccesskey',
  'license-manager:getaccesstoken',
  'lightsail:getinstanceaccessdetails',
  'lightsail:downloaddefaultkeypair',
  'lightsail:createbucketaccesskey',
  'lightsail:getrelationaldatabasemasteruserpassword',
  'mediapackage:rotatechannelcredentials',
  'mediapackage:rotateingestendpointcredentials',
  'rds-db:connect',
  'redshift:getclustercredentials',
  'redshift:getclustercredentialswithiam',
  'redshift-serverless:getcredentials',
  'sso:getrolecredentials',
  'sts:assumerole',
  'sts:assumerolewithsaml',
  'sts:assumerolewithwebidentity',
  'sts:getfederationtoken',
  'sts:getsessiontoken',
];

/** READ_ONLY_DATA_EXFILTRATION_ACTIONS. */
export const READ_ONLY_DATA_EXFILTRATION_ACTIONS: readonly string[] = [
  's3:GetObject',
  'ssm:GetParameter',
  'ssm:GetParameters',
  'ssm:GetParametersByPath',
  'secretsmanager:GetSecretValue',
];

/** StatementDetail: a statement's actions expanded and split by whether they can be scoped to an ARN. */
interface StatementDetail {
  statement: Statement;
  allow: boolean;
  deny: boolean;
  hasCondition: boolean;
  hasResourceWildcard: boolean;
  expanded: string[];
  restrictable: string[];
  unrestrictable: string[];
}

function detail(statement: Statement): StatementDetail {
  const hasResourceWildcard = statement.resources.includes('*');
  const allow = statement.effect === 'Allow';
  const expanded = expandedActions(statement, allow, hasResourceWildcard);
  const restrictable = [
    ...new Set(
      expanded.flatMap((action) => {
        const info = actionInfo(action);
        return info?.restrictable ? [info.action] : [];
      }),
    ),
  ];
  const restrictableLower = new Set(restrictable.map((action) => action.toLowerCase()));
  return {
    statement,
    allow,
    deny: statement.effect === 'Deny',
    hasCondition: statement.conditions.length > 0,
    hasResourceWildcard,
    expanded,
    restrictable,
    unrestrictable: expanded.filter((action) => !restrictableLower.has(action.toLowerCase())),
  };
}

/**
 * `expanded_actions`: Action expanded; NotAction on every resource of an Allow is every other action.
 * A NotAction scoped to ARNs allows only actions on those ARNs, which never count as unconstrained,
 * and cloudsplaining gives a Deny with NotAction no effective actions: both read as none.
 */
function expandedActions(statement: Statement, allow: boolean, hasResourceWildcard: boolean): string[] {
  if (statement.actions.length > 0) return expandActions(statement.actions);
  if (statement.notActions.length === 0 || !allow || !hasResourceWildcard) return [];
  const excluded = new Set(expandActions(statement.notActions).map((action) => action.toLowerCase()));
  return everyAction().filter((action) => !excluded.has(action.toLowerCase()));
}

const analyses = new Map<string, PolicyAnalysis>();
const MAX_ANALYSES = 1000;
const byDocument = new WeakMap<PolicyDocument, PolicyAnalysis>();

/**
 * Cloudsplaining's PolicyDocument with default exclusions (none of which names an action), over the
 * statements of an identity policy. A statement that names a principal belongs to a resource-based
 * policy (a KMS key policy), where Resource "*" means the resource the policy is attached to, not
 * every resource: it is left out, as Checkov reads these analyses only on identity policies.
 */
export class PolicyAnalysis {
  private readonly details: StatementDetail[];

  /**
   * The analysis of a document, made once however many rules (and scans of the same output) read
   * it: keyed by the statements themselves.
   */
  static of(document: PolicyDocument): PolicyAnalysis {
    const known = byDocument.get(document);
    if (known) return known;
    const key = JSON.stringify(document.statements.map(({ index: _, ...statement }) => statement));
    let analysis = analyses.get(key);
    if (!analysis) {
      if (analyses.size >= MAX_ANALYSES) analyses.clear();
      analysis = new PolicyAnalysis(document);
      analyses.set(key, analysis);
    }
    byDocument.set(document, analysis);
    return analysis;
  }

  private constructor(document: PolicyDocument) {
    this.details = document.statements.filter((statement) => !namesPrincipal(statement)).map(detail);
  }

  private withoutDenied(actions: Iterable<string>): string[] {
    const denied = new Set(
      this.details.filter((d) => d.deny).flatMap((d) => d.expanded.map((action) => action.toLowerCase())),
    );
    return [...new Set(actions)].filter((action) => !denied.has(action.toLowerCase())).sort();
  }

  /** `all_allowed_unrestricted_actions`: scopable actions allowed on "*" without a condition. */
  unrestrictedActions(): string[] {
    return this.withoutDenied(
      this.details
        .filter((d) => d.hasResourceWildcard && !d.hasCondition && d.allow && d.restrictable.length > 0)
        .flatMap((d) => d.restrictable),
    );
  }

  /** `all_allowed_unrestrictable_actions`: actions that cannot be scoped, allowed without a condition. */
  unrestrictableActions(): string[] {
    return this.withoutDenied(
      this.details.filter((d) => d.allow && !d.hasCondition).flatMap((d) => d.unrestrictable),
    );
  }

  /** `allows_privilege_escalation`: the methods all of whose actions are allowed unconstrained. */
  privilegeEscalation(): { method: string; actions: readonly string[] }[] {
    const allowed = new Set(
      [...this.unrestrictedActions(), ...this.unrestrictableActions()].map((action) => action.toLowerCase()),
    );
    return Object.entries(PRIVILEGE_ESCALATION_METHODS)
      .filter(([, actions]) => actions.every((action) => allowed.has(action)))
      .map(([method, actions]) => ({ method, actions }));
  }

  /** `allows_specific_actions_without_constraints`. */
  specificActionsWithoutConstraints(specific: readonly string[]): string[] {
    const allowed = new Map(
      [...this.unrestrictedActions(), ...this.unrestrictableActions()].map((action) => [
        action.toLowerCase(),
        action,
      ]),
    );
    return [...new Set(specific.flatMap((action) => allowed.get(action.toLowerCase()) ?? []))].sort();
  }

  /** `credentials_exposure`. */
  credentialsExposure(): string[] {
    return this.specificActionsWithoutConstraints(ACTIONS_THAT_RETURN_CREDENTIALS);
  }

  /** `allows_data_exfiltration_actions`. */
  dataExfiltration(): string[] {
    return this.specificActionsWithoutConstraints(READ_ONLY_DATA_EXFILTRATION_ACTIONS);
  }

  /** `permissions_management_without_constraints`, by statement. */
  permissionsManagementWithoutConstraints(): { statement: Statement; actions: string[] }[] {
    return this.atLevelWithoutConstraints('Permissions management');
  }

  /** `write_actions_without_constraints`, by statement. */
  writeWithoutConstraints(): { statement: Statement; actions: string[] }[] {
    return this.atLevelWithoutConstraints('Write');
  }

  /**
   * A statement lacks resource constraints when it allows a scopable action on "*"; without a
   * condition, its scopable actions at `level` are reported (Deny statements are not subtracted here,
   * as in cloudsplaining).
   */
  private atLevelWithoutConstraints(level: string): { statement: Statement; actions: string[] }[] {
    return this.details
      .filter((d) => d.allow && d.hasResourceWildcard && d.restrictable.length > 0 && !d.hasCondition)
      .map((d) => ({
        statement: d.statement,
        actions: d.restrictable.filter((action) => actionInfo(action)?.level === level).sort(),
      }))
      .filter((found) => found.actions.length > 0);
  }
}
