import type { ReviewMark } from '../store/reviewSlice';
import { ImageFlag, type ImageTable } from '../worker/protocol';
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
};

/** One image in the list: its file name, size, annotation count, badges, thumbnail. */
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
        <span className="badge warn" title="has problems">
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
      <span className="count" title={`${table.annotationCounts[i]} annotations`}>
        {table.annotationCounts[i]}
      </span>
    </li>
  );
}
