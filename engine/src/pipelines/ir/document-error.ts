/**
 * The error for a pipeline file that cannot be read as documents, placed at a line and
 * column when known: `"pipeline.yaml", line 3, column 5: <problem>.`
 */
import { SkiffError } from '../../core/errors.js';

export interface TextPlace {
  line: number;
  col: number;
}

export function documentError(
  name: string,
  place: TextPlace | undefined,
  problem: string,
): SkiffError {
  const where = place ? `, line ${place.line}, column ${place.col}` : '';
  const details = place ? { line: place.line, column: place.col } : {};
  return new SkiffError('INVALID_ARGUMENT', `"${name}"${where}: ${problem}.`, details);
}
