// biome-ignore-all lint/style/noRestrictedImports: this benchmark measures what loading the provider barrels costs.
// Preloaded before the cdktf app (`node --import tsx --import ./bench/provider-barrels.mjs bin/main.ts`):
// the five provider barrels loaded first, what importing from '@cdktf/provider-aws' (and the others)
// instead of deep paths costs at synth time. Plain JS so that type-checking never reads the barrels.
await import('@cdktf/provider-aws');
await import('@cdktf/provider-kubernetes');
await import('@cdktf/provider-helm');
await import('@cdktf/provider-mongodbatlas');
await import('@cdktf/provider-okta');
