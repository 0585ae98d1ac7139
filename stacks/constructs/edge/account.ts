/** Where the edge resources live: the account and region that ARNs and policies name. */
export interface AwsAccount {
  accountId: string;
  region: string;
}
