/// The web chat's stylesheet, served as `/chat/chat.css`: made for a phone first.
enum ChatStylesheet {
    static let css = """
        :root { --ink: #1f2933; --muted: #52606d; --line: #cbd2d9; --soft: #f5f7fa; --accent: #1d6f72; --focus: #b44d12; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 17px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: #fff; }
        .skip { position: absolute; left: -100vw; top: .5rem; padding: .5rem .75rem; background: #fff; }
        .skip:focus { left: .5rem; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
        .chat-head { padding: .75rem 1rem; border-bottom: 1px solid var(--line); }
        .chat-head h1 { font-size: 1.1rem; margin: 0; color: var(--accent); }
        main { max-width: 40rem; margin: 0 auto; padding: .75rem; }
        ol.messages { list-style: none; margin: 0; padding: 0; }
        ol.messages li { margin: .5rem 0; padding: .5rem .75rem; border-radius: 10px; max-width: 90%; }
        ol.messages li.bot { background: var(--soft); }
        ol.messages li.person { background: #e6f0ff; margin-left: auto; }
        ol.messages li.notice { border-left: 4px solid #c63d2f; background: #fdf2f1; }
        ol.messages .who { margin: 0; font-size: .8rem; font-weight: 600; color: var(--muted); }
        ol.messages .text { margin: .15rem 0 0; white-space: pre-line; overflow-wrap: anywhere; }
        .choices { display: grid; gap: .5rem; margin: .75rem 0; }
        .choices form, .tools form { margin: 0; }
        .choices button { width: 100%; text-align: left; background: #fff; color: var(--accent); border: 2px solid var(--accent); }
        button { font: inherit; min-height: 2.75rem; padding: .5rem .9rem; border-radius: 8px; border: 1px solid var(--accent);
          background: var(--accent); color: #fff; cursor: pointer; }
        button:disabled { opacity: .6; cursor: progress; }
        button.start { width: 100%; }
        .compose label { display: block; font-weight: 600; margin: .75rem 0 .25rem; }
        .compose .row { display: flex; gap: .5rem; align-items: stretch; }
        .compose textarea { flex: 1; font: inherit; padding: .5rem; border: 1px solid var(--muted); border-radius: 8px; min-width: 0; }
        .tools { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
        .tools button { background: #fff; color: var(--accent); min-height: 2.5rem; font-size: .9rem; }
        .notice { border-left: 4px solid #c63d2f; padding: .5rem .75rem; background: #fdf2f1; }
        .privacy { color: var(--muted); font-size: .85rem; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
        .home { max-width: 32rem; }
        .home a.button { display: inline-block; margin: .5rem 0; padding: .6rem 1rem; border-radius: 8px; background: var(--accent);
          color: #fff; text-decoration: none; }
        """
}
