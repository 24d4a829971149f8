import type { ReviewMark } from '../store/reviewSlice';
import { ImageFlag, type ImageMistakes, type ImageTable } from '../worker/protocol';
import { useThumbnail } from './thumbnails';

type Props = {
  table: ImageTable;
  subset: number;
  imageIndex: number;
  top: number;
  height: number;
  current: boolean;
  thumbnail: boolean;
  position: number;
  count: number;
  onSelect: (imageIndex: number) => void;
  mark: ReviewMark | undefined;
  /** Each image's false positives and misses, while evaluated predictions mark them. */
  mistakes: ImageMistakes | null;
};

/** One image in the list: its file name, size, annotation count, mistakes, badges, thumbnail. */
export function ImageRow(props: Props) {
  const { table, imageIndex: i } = props;
  const flags = table.flags[i]!;
  const name = table.fileNames[i] || `image ${String(table.ids[i])}`;
  const url = useThumbnail(props.subset, i, props.thumbnail && (flags & ImageFlag.hasFile) !== 0);
  return (
    <li
      className={props.current ? 'row current' : 'row'}
      style={{ top: props.top, height: props.height }}
      aria-current={props.current ? 'true' : undefined}
      aria-setsize={props.count}
      aria-posinset={props.position}
      onClick={() => props.onSelect(i)}
    >
      {props.thumbnail && (
        <span className="thumb">
          {url !== null && <img src={url} alt="" loading="lazy" decoding="async" />}
        </span>
      )}
      <span className="name" title={name}>
        {name}
        {props.thumbnail && (
          <span className="size muted">
            {table.widths[i]}×{table.heights[i]}
          </span>
        )}
      </span>
      {props.mark === 'reviewed' && (
        <span className="badge reviewed" title="reviewed">
          ✓
        </span>
      )}
      {props.mark === 'skipped' && (
        <span className="badge" title="skipped">
          skipped
        </span>
      )}
      {(flags & (ImageFlag.hasProblems | ImageFlag.hasFindings)) !== 0 && (
        <span className="badge warn" title={problemsTitle(flags)}>
          !
        </span>
      )}
      {(flags & ImageFlag.edited) !== 0 && (
        <span className="badge edited" title="edited">
          edited
        </span>
      )}
      {(flags & ImageFlag.hasCrowd) !== 0 && (
        <span className="badge" title="has crowd annotations">
          crowd
        </span>
      )}
      {props.mistakes !== null && <Mistakes mistakes={props.mistakes} imageIndex={i} />}
      <span className="count" title={`${table.annotationCounts[i]} annotations`}>
        {table.annotationCounts[i]}
      </span>
    </li>
  );
}

/** The image's false positives and misses, e.g. "2 FP 1 miss"; zeros are dimmed. */
function Mistakes(props: { mistakes: ImageMistakes; imageIndex: number }) {
  const falsePositives = props.mistakes.falsePositives[props.imageIndex]!;
  const misses = props.mistakes.misses[props.imageIndex]!;
  return (
    <>
      <span
        className={falsePositives > 0 ? 'mistake fp' : 'mistake none'}
        title={`${falsePositives} false positives`}
      >
        {falsePositives} FP
      </span>
      <span className={misses > 0 ? 'mistake miss' : 'mistake none'} title={`${misses} missed`}>
        {misses} miss
      </span>
    </>
  );
}

/** What the "!" badge stands for: where the image's problems were found, and where to see them. */
function problemsTitle(flags: number): string {
  const where = [
    (flags & ImageFlag.hasProblems) !== 0 ? 'found reading the file' : null,
    (flags & ImageFlag.hasFindings) !== 0 ? 'found by the checks' : null,
  ].filter((w) => w !== null);
  return `problems ${where.join(' and ')}: listed under the annotations and in the Problems tab`;
}
