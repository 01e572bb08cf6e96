import type { ReactNode } from 'react';
import type { ReportBlock, ReportDocumentModel } from '../../../../shared/report-document';
import { useKeyboardScroll } from '../../../components/ui/scroll-box';
import './report-document.css';

// The report as the party document a committee signs, drawn from the same model the server
// writes the .docx from (shared/report-document.ts), so the printed page and the Word file hold
// the same blocks in the same order: the header of Hướng dẫn 36-HD/VPTW in two columns, the
// title, the body, "Nơi nhận" and the signature. On screen a sheet of A4 paper; in print the
// page itself (Times New Roman, margins 20 mm top and bottom, 30 mm left, 15 mm right).
// Every text of the model is an element marked `data-text`, in reading order, for tests to read.

type Table = Extract<ReportBlock, { kind: 'table' }>;

/** A text of the model, as one element. */
function T({
  as: Tag = 'p',
  className,
  children,
}: {
  as?: 'p' | 'li';
  className?: string;
  children: ReactNode;
}) {
  return (
    <Tag className={className} data-text="">
      {children}
    </Tag>
  );
}

const WIDTHS = ['6%', '33%', '10%', '13%', '15%', '11%', '12%'];

/** Where a cell sits, as in the .docx: TT, ĐVT and the verdict centred; names and levels left; figures right. */
const align = (i: number, level: boolean) =>
  i === 0 || i === 2 || i === 6 ? 'c' : i === 1 || level ? 't' : 'n';

/**
 * One of the report's tables; its header row repeats on every printed page. The first table's
 * rows are named by `data-code`, the progress table's by `data-progress`.
 */
function ReportTable({ block, index }: { block: Table; index: number }) {
  const rowKey = index === 0 ? 'data-code' : 'data-progress';
  // On a phone the table scrolls sideways in its block, which the keyboard can then reach.
  const scrollRef = useKeyboardScroll<HTMLElement>();
  return (
    <section ref={scrollRef} className="report-table-block" aria-label={block.title}>
      <h3 className="report-table-title" data-text="">
        {block.title}
      </h3>
      <table className="report-table">
        <colgroup>
          {WIDTHS.map((w) => (
            <col key={w} style={{ width: w }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {block.columns.map((c) => (
              <th key={c} scope="col" data-text="">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {block.rows.map((r) => (
            <tr key={r.code} {...{ [rowKey]: r.code }}>
              {r.cells.map((c, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the cells of a row are its columns, in order.
                <td key={i} className={align(i, r.level)} data-text="">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const PARAGRAPH_CLASS = {
  intro: 'report-intro',
  empty: 'report-empty',
  closing: 'report-summary-line',
  headline: 'report-summary',
} as const;

/** The body's blocks in order, the lines that follow one another in one list. */
function Body({ blocks }: { blocks: ReportBlock[] }) {
  const out: ReactNode[] = [];
  let tables = 0;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind === 'line') {
      const lines: Extract<ReportBlock, { kind: 'line' }>[] = [];
      for (let n = blocks[i]; n?.kind === 'line'; n = blocks[++i]) lines.push(n);
      i--;
      out.push(
        <ul key={`lines-${i}`} className="report-lines">
          {lines.map((l, n) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the lines of the text, in its order.
            <li key={n} data-status={l.status} data-text="">
              - {l.head}: <strong className={`report-verdict verdict-${l.status}`}>{l.verdict}</strong>.
              {l.tail}
            </li>
          ))}
        </ul>,
      );
    } else if (b.kind === 'table') out.push(<ReportTable key={`table-${i}`} block={b} index={tables++} />);
    else if (b.kind === 'heading')
      out.push(
        <T key={`heading-${i}`} className="report-others-heading">
          {b.text}
        </T>,
      );
    else if (b.kind === 'item')
      out.push(
        <T key={`item-${i}`} className="report-other">
          {b.text}
        </T>,
      );
    else
      out.push(
        <T key={`p-${i}`} className={`report-p ${PARAGRAPH_CLASS[b.role]}`}>
          {b.text}
        </T>,
      );
  }
  return <>{out}</>;
}

export function ReportDocument({ doc }: { doc: ReportDocumentModel }) {
  const { header: h, signature: sign } = doc;
  return (
    <article className="report-paper" aria-label={`${doc.title} ${doc.subject}`}>
      <header className="report-doc-header" data-block="header">
        <div className="report-issuer">
          {h.above && <T>{h.above}</T>}
          <T className="report-issuer-name">{h.issuer}</T>
          <p aria-hidden="true">*</p>
          <T className="report-number">{h.number}</T>
        </div>
        <div className="report-nation">
          <T className={h.motto ? 'report-nation-name' : 'report-nation-name is-underlined'}>{h.nation}</T>
          {h.motto && <T className="report-motto">{h.motto}</T>}
          <T className="report-place-date">{h.placeDate}</T>
        </div>
      </header>

      <div className="report-head" data-block="title">
        <h2 className="report-title" data-text="">
          {doc.title}
        </h2>
        <T className="report-subtitle">{doc.subject}</T>
        <hr className="report-rule" />
        <T className="report-date">{doc.countedTo}</T>
      </div>

      <div className="report-body" data-block="body">
        <Body blocks={doc.body} />
      </div>

      <footer className="report-closing">
        <div className="report-recipients" data-block="recipients">
          <T className="report-recipients-head">Nơi nhận:</T>
          <ul>
            {doc.recipients.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the recipients, in their order.
              <T key={i} as="li">
                {r}
              </T>
            ))}
          </ul>
        </div>
        <div className="report-signature" data-block="signature">
          {sign.onBehalf && <T>{sign.onBehalf}</T>}
          <T>{sign.title}</T>
          <div className="report-sign-space" aria-hidden="true" />
          {sign.name && <T className="report-signer">{sign.name}</T>}
        </div>
      </footer>
    </article>
  );
}
