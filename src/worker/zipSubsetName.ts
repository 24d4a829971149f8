/**
 * The subset's name as an export writes it, in both `annotations/<task>_<name>.json` and
 * `images/<name>/` (and `annotations/panoptic_<name>/`). Datumaro takes a subset's name
 * from the json's name after the task prefix (`instances_`) and looks for its pictures in
 * `images/<that name>/`, so the two must be spelled the same: a Roboflow folder `my train`
 * becomes `my_train` in both. Characters a file name cannot hold, the `·` of a subset
 * named after its file, and whitespace become `_`.
 */
export function zipSubsetName(name: string): string {
  const safe = name
    .replace(/[\\/:*?"<>|·\s]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
  return safe === '' ? 'default' : safe;
}
