extension Stylesheet {
    /// Phones: nothing scrolls sideways. The chart becomes one short list per dimension, each cell
    /// naming its level, with the marked cells in full and the others as one muted line; the
    /// sessions table becomes one card per session.
    static let narrowCSS = """
        @media (max-width: 40rem) {
          main { padding: .75rem; }
          h1 { font-size: 1.35rem; }
          table.chart:not(.heat), table.chart:not(.heat) tbody, table.chart:not(.heat) tr,
          table.chart:not(.heat) th, table.chart:not(.heat) td { display: block; width: auto; }
          table.chart:not(.heat) thead { display: none; }
          table.chart:not(.heat) tr { margin: 0 0 .75rem; border: 1px solid var(--line); border-radius: 4px; }
          table.chart:not(.heat) th[scope=row] { border: 0; background: var(--soft); }
          table.chart:not(.heat) td { border: 0; border-top: 1px solid var(--line); }
          table.chart:not(.heat) td::before { content: attr(data-level); display: block; font-weight: 600; font-size: .85rem; }
          table.chart:not(.heat) td.plain { color: var(--muted); padding-top: .2rem; padding-bottom: .2rem; }
          table.chart:not(.heat) td.plain::before { font-weight: 400; }
          table.chart:not(.heat) td.plain span { display: none; }
          table.chart:not(.heat) caption { display: block; }
          .heat { font-size: .85rem; table-layout: fixed; }
          .heat th, .heat td { padding: .3rem .25rem; }
          .heat th:first-child { width: 36%; font-size: .8rem; overflow-wrap: anywhere; }
          .heat .level-name { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
          .heat + .level-key { display: block; }
          table.sessions, table.sessions tbody, table.sessions tr, table.sessions td { display: block; width: auto; }
          table.sessions thead { display: none; }
          table.sessions tr { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 .5rem; padding: .4rem .6rem; }
          table.sessions td { border: 0; padding: 0; }
          table.sessions td.session a { display: block; padding: .15rem 0; }
          table.sessions td.detail { display: inline; color: var(--muted); font-size: .9rem; }
          table.sessions td.detail + td.detail::before { content: " · "; }
          table.sessions td.detail[data-label]::before { content: attr(data-label) ": "; }
          table.sessions td.detail + td.detail[data-label]::before { content: " · " attr(data-label) ": "; }
          .trend-numbers { font-size: .8rem; }
          .trend-numbers th, .trend-numbers td { padding: .25rem; overflow-wrap: anywhere; }
        }
        """
}
