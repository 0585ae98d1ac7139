// The cdktf app with the five provider barrels loaded first: what importing from
// '@cdktf/provider-aws' (and the others) instead of deep paths costs at synth time.
await import('@cdktf/provider-aws');
await import('@cdktf/provider-kubernetes');
await import('@cdktf/provider-helm');
await import('@cdktf/provider-mongodbatlas');
await import('@cdktf/provider-okta');
await import('../bin/main.js');

export {};
