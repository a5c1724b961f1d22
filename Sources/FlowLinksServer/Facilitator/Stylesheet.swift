/// The facilitator pages' one small stylesheet: calm, readable, works at phone width, prints.
/// The base rules are here; `narrowCSS` and `printCSS` adapt them to phones and paper.
enum Stylesheet {
    /// Everything, in the order the cascade needs.
    static var all: String { css + overviewCSS + workshopsCSS + narrowCSS + printCSS }

    static let css = """
        :root { --ink: #1f2933; --muted: #52606d; --line: #cbd2d9; --soft: #f5f7fa; --accent: #1d6f72; --focus: #b44d12; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
        .skip { position: absolute; left: -100vw; top: .5rem; padding: .5rem .75rem; background: #fff; z-index: 1; }
        .skip:focus { left: .5rem; }
        header.site { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between;
          padding: .75rem 1rem; border-bottom: 1px solid var(--line); }
        header.site .brand { font-weight: 700; color: var(--accent); text-decoration: none; }
        nav { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        a { color: var(--accent); }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        h1 { font-size: 1.6rem; margin: .5rem 0 1rem; overflow-wrap: anywhere; }
        h2 { font-size: 1.25rem; margin-top: 2rem; }
        form.inline { display: inline; }
        form.stacked { display: grid; gap: .5rem; max-width: 22rem; }
        form.filters { background: var(--soft); padding: .75rem; border-radius: 4px; }
        form.filters .search { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; }
        form.filters .search label { flex: 1 1 16rem; }
        form.filters details { margin-top: .5rem; }
        form.filters .more { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .5rem .75rem;
          margin-top: .5rem; }
        form.filters label { display: grid; grid-template-rows: auto auto; gap: .15rem; font-size: .9rem; color: var(--muted); }
        form.filters input, form.filters select { width: 100%; }
        input, select, button { font: inherit; padding: .35rem .5rem; border: 1px solid var(--line); border-radius: 4px; }
        button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; min-height: 2.25rem; }
        nav button { background: none; color: var(--accent); border: none; text-decoration: underline; padding: 0; min-height: 0; }
        .notice { border-left: 4px solid #c63d2f; padding: .5rem .75rem; background: #fdf2f1; }
        .count, .facts { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        th, td { border: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: var(--soft); }
        table.sessions a { display: inline-block; min-height: 1.5rem; font-weight: 600; }
        table.sessions .id { color: var(--muted); font-size: .85rem; }
        .chart caption { caption-side: top; text-align: left; color: var(--muted); font-size: .9rem; }
        .chart td span { display: block; font-size: .9rem; }
        .chart .mark { display: inline-block; margin: 0 .25rem .25rem 0; padding: 0 .35rem; border: 1px solid var(--ink);
          border-radius: 3px; font-size: .75rem; text-transform: uppercase; letter-spacing: .03em; }
        .chart td.today { background: #e6f6f6; }
        .chart td.next { background: #fff8e1; }
        .chart td.recommended { box-shadow: inset 0 0 0 3px var(--accent); }
        .rationale .part { white-space: pre-line; background: var(--soft); padding: .5rem .75rem; border-radius: 4px; }
        ol.answers > li { margin-bottom: 1rem; }
        .question { font-weight: 600; margin: 0; }
        .answer { margin: .25rem 0; white-space: pre-line; }
        .when, time { color: var(--muted); font-size: .85rem; }
        ol.chat { list-style: none; padding: 0; }
        ol.chat li { max-width: 42rem; margin: .5rem 0; padding: .5rem .75rem; border-radius: 8px; }
        ol.chat li.in { background: #e6f0ff; margin-left: auto; }
        ol.chat li.out { background: var(--soft); }
        ol.chat .who { margin: 0; font-weight: 600; font-size: .85rem; }
        ol.chat .text { margin: .25rem 0 0; white-space: pre-line; overflow-wrap: anywhere; }
        ol.chat ul.choices { list-style: none; margin: .25rem 0 0; padding: 0; }
        ol.chat ul.choices li { margin: 0; padding: 0 0 0 .75rem; border-radius: 0; max-width: none; border-left: 2px solid var(--line); }
        .pages { display: flex; gap: 1rem; }
        ol.notes { padding-left: 1.25rem; }
        ol.notes .who { margin: 0; font-weight: 600; font-size: .9rem; }
        ol.notes .text { margin: .25rem 0; white-space: pre-line; }
        textarea { font: inherit; padding: .35rem .5rem; border: 1px solid var(--line); border-radius: 4px; width: 100%; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        """
}
