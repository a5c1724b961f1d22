/// The facilitator pages' one small stylesheet: calm, readable, works at phone width, prints.
enum Stylesheet {
    static let css = """
        :root { --ink: #1f2933; --muted: #52606d; --line: #cbd2d9; --soft: #f5f7fa; --accent: #1d6f72; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
        header.site { display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; justify-content: space-between;
          padding: .75rem 1rem; border-bottom: 1px solid var(--line); }
        header.site .brand { font-weight: 700; color: var(--accent); text-decoration: none; }
        nav { display: flex; gap: 1rem; align-items: center; }
        main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
        a { color: var(--accent); }
        a:focus, button:focus, input:focus, select:focus, summary:focus { outline: 3px solid #f0b429; outline-offset: 2px; }
        h1 { font-size: 1.6rem; margin: .5rem 0 1rem; }
        h2 { font-size: 1.25rem; margin-top: 2rem; }
        form.inline { display: inline; }
        form.stacked { display: grid; gap: .5rem; max-width: 22rem; }
        form.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; background: var(--soft); padding: .75rem; }
        form.filters label { display: grid; font-size: .9rem; color: var(--muted); }
        input, select, button { font: inherit; padding: .35rem .5rem; border: 1px solid var(--line); border-radius: 4px; }
        button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
        nav button { background: none; color: var(--accent); border: none; text-decoration: underline; padding: 0; }
        .notice { border-left: 4px solid #c63d2f; padding: .5rem .75rem; background: #fdf2f1; }
        .count, .facts { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
        th, td { border: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top; }
        thead th { background: var(--soft); }
        .sessions { display: block; overflow-x: auto; }
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
        ol.chat .text { margin: .25rem 0 0; white-space: pre-line; }
        .pages { display: flex; gap: 1rem; }
        ol.notes { padding-left: 1.25rem; }
        ol.notes .who { margin: 0; font-weight: 600; font-size: .9rem; }
        ol.notes .text { margin: .25rem 0; white-space: pre-line; }
        textarea { font: inherit; padding: .35rem .5rem; border: 1px solid var(--line); border-radius: 4px; width: 100%; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        @media (max-width: 40rem) { .chart { font-size: .8rem; } .chart td, .chart th { padding: .25rem; } }
        @media print { @page { margin: 1.2cm; } body { font-size: 10.5pt; } header.site, form, .actions, .pages { display: none; }
          main { max-width: none; padding: 0; } .summary .chart { font-size: 8.5pt; } .summary .part { margin: .3rem 0; padding: .25rem .5rem; }
          .rationale .part { background: none; border: 1px solid var(--line); } }
        """
}
