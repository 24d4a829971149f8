/**
 * The bitmap of the mask an Apply will draw, made while its preview shows (the engine is
 * idle while the user reads the preview): the image's view after the Apply takes it
 * instead of making it then. Zoomed out, it is made as the canvas shows the image, a
 * tenth of the pixels (a whole 4000 × 3000 mask takes ~80 ms to make); the page asks for
 * the whole one after. One at a time: the next preview's replaces the one before, which
 * is closed unused.
 */
import { maskImageOf, type MaskPixels } from './maskPixels';
import type { MaskImage } from './protocol';

type Prepared = { token: string; image: MaskImage };

export class PreparedMask {
  private made: Promise<Prepared | null> = Promise.resolve(null);
  private taken = false;
  /** Grows with each preview: a preparation overtaken by the next one makes nothing. */
  private generation = 0;

  constructor(private readonly toBitmap: (pixels: MaskPixels) => Promise<ImageBitmap>) {}

  /**
   * Makes the mask `make` gives (its token and pixels) into a bitmap, after the current
   * task: the preview's answer is posted first.
   */
  prepare(make: () => { token: string; pixels: MaskPixels } | null): void {
    this.drop();
    this.taken = false;
    const generation = ++this.generation;
    this.made = new Promise<void>((resolve) => setTimeout(resolve, 0))
      .then(async () => {
        const mask = generation === this.generation ? make() : null;
        if (mask === null) return null;
        const image = maskImageOf(mask.pixels, await this.toBitmap(mask.pixels));
        if (mask.pixels.placed !== undefined) image.sampled = true;
        return { token: mask.token, image };
      })
      // A mask that cannot be made ahead is made by the view, as any other.
      .catch(() => null);
  }

  /** The token of the mask made ahead (once made, if one is being made); null when none. */
  async token(): Promise<string | null> {
    const made = await this.made;
    return made === null || this.taken ? null : made.token;
  }

  /** The bitmap of `token` made ahead, for a view to send (once). */
  async take(token: string): Promise<MaskImage | null> {
    const made = await this.made;
    if (made === null || this.taken || made.token !== token) return null;
    this.taken = true;
    return made.image;
  }

  private drop(): void {
    if (this.taken) return;
    this.taken = true;
    void this.made.then((made) => made?.image.bitmap.close());
  }
}
