import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root and the artifacts folder of the suite (build/e2e, kept by CI). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const artifactsDir = path.join(repoRoot, 'build', 'e2e');
