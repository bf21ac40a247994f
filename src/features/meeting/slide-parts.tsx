import type { ReactNode } from 'react';

/** Slides are h1 on screen and h2 inside the printed briefing, whose pages share one document. */
export type Level = 1 | 2;

type HeadingProps = { level: 1 | 2 | 3 | 4; id?: string; className?: string; children: ReactNode };

export function Heading({ level, id, className, children }: HeadingProps) {
  const Tag = `h${level}` as const;
  return (
    <Tag id={id} className={className}>
      {children}
    </Tag>
  );
}

type SectionProps = {
  /** The slide's id prefix and the part's name make the heading's id: "slide-land-points". */
  id: string;
  /** The slide's own level: a part's heading is one below it. */
  level: Level;
  title: string;
  /** Named for screen readers only: what the part is goes without saying on screen. */
  titleHidden?: boolean;
  className: string;
  children: ReactNode;
};

/** A part of a slide (its dials, what is behind, talking points, milestones), labelled by its heading. */
export function SlideSection({ id, level, title, titleHidden = false, className, children }: SectionProps) {
  return (
    <section className={className} aria-labelledby={id}>
      <Heading level={(level + 1) as 2 | 3} id={id} className={titleHidden ? 'visually-hidden' : 'slide__section-title'}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
