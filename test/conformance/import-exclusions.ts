/**
 * Corpus pipelines (paths under kfp-ir/valid/) that the import conformance test does not
 * expect Skiff to accept, each with the reason: a feature that needs a cloud service or
 * Kubernetes and cannot be checked locally. Keep it as short as possible; the test fails
 * when an entry is no longer needed.
 */
export const IMPORT_EXCLUSIONS: Readonly<Record<string, string>> = {};
