extension Stylesheet {
    /// Paper: the one-page summary fits one Letter or A4 page: the title, the chart at a size
    /// that keeps each cell to a few lines, then the result in two columns.
    static let printCSS = """
        @media print {
          @page { margin: 1.2cm; }
          body { font-size: 10pt; }
          header.site, form, .actions, .pages, .skip { display: none; }
          main { max-width: none; padding: 0; }
          a { color: inherit; text-decoration: none; }
          .rationale .part { background: none; border: 1px solid var(--line); }
          .summary h1 { font-size: 15pt; margin: 0 0 2pt; }
          .summary .facts { font-size: 8.5pt; margin: 0 0 4pt; }
          .summary .chart { font-size: 8pt; margin: 0 0 6pt; table-layout: fixed; }
          .summary .chart caption { font-size: 8pt; }
          .summary .chart th, .summary .chart td { padding: 2pt 3pt; }
          .summary .chart thead th:first-child, .summary .chart th[scope=row] { width: 14%; }
          .summary .chart td span { font-size: 8pt; }
          .summary .chart .mark { font-size: 6.5pt; padding: 0 2pt; margin: 0 2pt 1pt 0; }
          .summary .rationale { columns: 2; column-gap: 10pt; font-size: 8.5pt; line-height: 1.3; }
          .summary .rationale .part { break-inside: avoid; margin: 0 0 4pt; padding: 3pt 5pt; }
        }
        """
}
