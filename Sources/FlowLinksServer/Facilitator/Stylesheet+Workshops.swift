extension Stylesheet {
    /// Workshops: the join panel with its QR code, people's marks on the chart, a team's rows, the
    /// live wall (large, for a projector) and the one-page team report on paper.
    static let workshopsCSS = """
        .code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; letter-spacing: .08em; }
        .join-grid { display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: flex-start; }
        .join-grid > div { flex: 1 1 18rem; min-width: 0; }
        figure.qr { margin: 0; width: 14rem; max-width: 100%; }
        figure.qr svg { display: block; width: 100%; height: auto; border: 1px solid var(--line); }
        .qr-text { font-size: .85rem; color: var(--muted); overflow-wrap: anywhere; }
        ul.ways { padding-left: 1.1rem; overflow-wrap: anywhere; }
        ul.ways li { margin-bottom: .4rem; }
        form.close { display: block; margin: .5rem 0; }
        .chart.marks .mark { border-style: solid; }
        .chart.marks .mark.partner { border-style: dashed; }
        .chart.marks .mark.middle { background: var(--ink); color: #fff; }
        .chart.marks td.marked { background: #e6f6f6; }
        table.team-rows td, table.team-rows th { font-size: .9rem; }
        table.team-rows caption { caption-side: top; text-align: left; color: var(--muted); font-size: .9rem; }
        ol.discussion li, ul.reasoning li { margin-bottom: .3rem; }
        section.team { border-top: 2px solid var(--line); margin-top: 2rem; }
        .live h1 { font-size: 2.2rem; }
        .live .join-line { font-size: 1.4rem; overflow-wrap: anywhere; }
        .live dl.counts { display: flex; flex-wrap: wrap; gap: 1rem 3rem; margin: 1rem 0; }
        .live dl.counts dt { color: var(--muted); font-size: 1.1rem; }
        .live dl.counts dd { margin: 0; font-size: 3.5rem; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
        .live .waiting { font-size: 1.3rem; color: var(--muted); }
        @media (max-width: 40rem) {
          table.team-rows, table.team-rows tbody, table.team-rows tr, table.team-rows th, table.team-rows td {
            display: block; width: auto; }
          table.team-rows thead { display: none; }
          table.team-rows caption { display: block; }
          table.team-rows tr { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 .5rem; padding: .3rem .5rem; }
          table.team-rows th, table.team-rows td { border: 0; padding: .1rem 0; }
          table.team-rows td::before { content: attr(data-label) ": "; color: var(--muted); }
          figure.qr { width: 100%; }
          .live h1 { font-size: 1.5rem; }
          .live dl.counts dd { font-size: 2.5rem; }
        }
        @media print {
          .team-report h1 { font-size: 14pt; margin: 0 0 2pt; }
          .team-report .facts { font-size: 8pt; margin: 0 0 3pt; }
          .team-report h3 { font-size: 10pt; margin: 5pt 0 2pt; }
          .team-report table { font-size: 7.5pt; margin: 0 0 4pt; table-layout: fixed; }
          .team-report th, .team-report td { padding: 1.5pt 3pt; }
          .team-report table.team-rows th, .team-report table.team-rows td { font-size: 7.5pt; line-height: 1.2; }
          .team-report table.team-rows caption, .team-report .chart caption { font-size: 7.5pt; }
          .team-report table.team-rows th[scope=row] { width: 16%; }
          .team-report .chart td span { font-size: 7pt; }
          .team-report .chart .mark { font-size: 6.5pt; padding: 0 2pt; margin: 0 2pt 1pt 0; }
          .team-report .chart.marks .mark.middle { background: none; color: inherit; border-width: 2px; }
          .team-report ul, .team-report ol { font-size: 8pt; line-height: 1.25; margin: 0 0 3pt; padding-left: 12pt; }
          .team-report li { margin: 0 0 1pt; }
          .team-report .flags { font-size: 8pt; margin: 0 0 3pt; }
        }
        """
}
